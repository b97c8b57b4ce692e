import { err, ok, type Result } from '@claimflow/domain';
import { digestOf } from '../bundles/import-sources';
import { ZipBundle } from '../bundles/zip-reader';

export interface VerifiedBundle {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly members: number;
}

export interface Expected {
  readonly bytes?: number;
  readonly sha256?: string;
}

/**
 * A downloaded bundle is accepted when its size is what was announced or pinned, it is a whole
 * ZIP (central directory read, every member inflated and CRC-checked), and its sha256 matches a pin.
 */
export async function verifyBundle(path: string, expected: Expected = {}): Promise<Result<VerifiedBundle, string>> {
  const { bytes, sha256 } = await digestOf(path);
  if (expected.bytes !== undefined && bytes !== expected.bytes) return err(`size ${bytes} bytes, expected ${expected.bytes}`);
  if (expected.sha256 !== undefined && sha256 !== expected.sha256)
    return err(`sha256 ${sha256} differs from the pinned ${expected.sha256}`);
  let zip: ZipBundle;
  try {
    zip = await ZipBundle.open(path);
  } catch (e) {
    return err(`not a whole ZIP file (${(e as Error).message})`);
  }
  try {
    for (const m of zip.members) await zip.read(m);
  } catch (e) {
    return err(`damaged ZIP file (${(e as Error).message})`);
  } finally {
    zip.close();
  }
  if (zip.members.length === 0) return err('the ZIP file is empty');
  return ok({ path, bytes, sha256, members: zip.members.length });
}
