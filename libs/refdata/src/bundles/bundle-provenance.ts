import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { SourceFile } from '../default-data/manifest';
import type { ImportedTable } from '../import/import-types';
import type { SourcesResult } from './import-sources.types';

/** Size and sha256 of a file, streamed. */
export async function digestOf(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** The bundles (or plain files) each imported release came from, with size and sha256, for the manifest. */
export async function provenanceOf(result: SourcesResult): Promise<(t: ImportedTable) => SourceFile[]> {
  const digests = new Map<string, SourceFile>(
    result.bundles.map((b) => [b.file, { name: basename(b.file), bytes: b.bytes, sha256: b.sha256 }]),
  );
  const origin = (file: string): string => result.bundles.find((b) => file.startsWith(`${b.file}/`))?.file ?? file;
  for (const f of result.files) {
    const o = origin(f.file);
    if (!digests.has(o)) digests.set(o, { name: basename(o), ...(await digestOf(o)) });
  }
  return (t) => {
    const files = result.files.filter((f) => f.dataset === t.dataset && f.releases.includes(t.table.release.id));
    return [...new Set(files.map((f) => origin(f.file)))].map((o) => digests.get(o)!);
  };
}
