import { detectKind, err, ok, type FileKind, type Result } from '@claimflow/domain';
import type { ImportSession } from '../import/import-session';
import type { ImportError } from '../import/import-types';
import { headOf } from '../import/read-source';
import { bundleShape, pprrvuYear } from './bundle-kind';
import { digestOf } from './bundle-provenance';
import type { BundleSummary } from './import-sources.types';
import { ZipBundle, type ZipMember } from './zip-reader';

const HEAD = 4096;

/** A ZIP member to read, with the bundle it is in and the year its PPRRVU names. */
export interface Planned {
  readonly bundle: ZipBundle;
  readonly file: string;
  readonly member: ZipMember;
  readonly year?: number;
}

/** Opens a bundle, recognises it by its members' headers, and plans which members to read. */
export async function planBundle(
  file: string,
  explicit: boolean,
  notes: string[],
  session: ImportSession,
): Promise<Result<{ bundle: ZipBundle; planned: Planned[]; summary: BundleSummary }, ImportError>> {
  let bundle: ZipBundle;
  try {
    bundle = await ZipBundle.open(file);
  } catch (e) {
    return err({ code: 'BAD_BUNDLE', file, reason: `not a readable ZIP file (${(e as Error).message})` });
  }
  const members: { member: ZipMember; kind: FileKind | null; head: string }[] = [];
  try {
    for (const member of bundle.members) {
      const head = headOf(await bundle.read(member, HEAD), HEAD);
      members.push({ member, kind: detectKind(head), head });
    }
  } catch (e) {
    bundle.close();
    return err({ code: 'BAD_BUNDLE', file, reason: `damaged ZIP file (${(e as Error).message})` });
  }
  const kinds = members.flatMap((m) => (m.kind ? [m.kind] : []));
  const shape = bundleShape(kinds);
  const summary: BundleSummary = {
    file,
    ...(await digestOf(file)),
    description: shape.description,
    members: members.map((m) => ({ name: m.member.name, kind: m.kind })),
  };
  if (kinds.length === 0) {
    bundle.close();
    if (explicit) return err({ code: 'UNRECOGNISED_FILE', file, reason: 'the ZIP holds no CMS reference-data file' });
    session.skip(file);
    notes.push(`${file}: skipped, the ZIP holds no CMS reference-data file`);
    return ok({ bundle, planned: [], summary });
  }
  const missing = shape.required.filter((k) => !kinds.includes(k));
  if (missing.length) {
    bundle.close();
    return err({ code: 'INCOMPLETE_BUNDLE', file, reason: `${shape.description} without its ${missing.join(', ')} member` });
  }
  const rvu = members.find((m) => m.kind === 'pprrvu');
  const year = rvu ? pprrvuYear(rvu.head) : undefined;
  const planned: Planned[] = [];
  for (const m of members) {
    const label = `${file}/${m.member.name}`;
    if (m.kind) planned.push({ bundle, file: label, member: m.member, year });
    else {
      session.skip(label);
      notes.push(`${label}: skipped, not needed (no reference-data layout)`);
    }
  }
  return ok({ bundle, planned, summary });
}
