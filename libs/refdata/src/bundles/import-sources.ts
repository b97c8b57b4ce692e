import { detectKind, err, ok, type FileKind, type Result } from '@claimflow/domain';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { SourceFile } from '../default-data/manifest';
import { basename } from 'node:path';
import { expandPaths, hintsFor, type ImportOptions } from '../import/import-files';
import { ImportSession } from '../import/import-session';
import type { ImportedTable, ImportError, ImportResult } from '../import/import-types';
import { headOf, readSource } from '../import/read-source';
import { bundleShape, pprrvuYear } from './bundle-kind';
import { looksLikeZip, ZipBundle, type ZipMember } from './zip-reader';

export interface BundleSummary {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly description: string;
  readonly members: readonly { name: string; kind: FileKind | null }[];
}

export interface SourcesResult extends ImportResult {
  readonly bundles: readonly BundleSummary[];
  /** Why each skipped file or member was skipped. */
  readonly notes: readonly string[];
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export interface SourcesOptions extends ImportOptions {
  readonly onProgress?: (p: Progress) => void;
}

const HEAD = 4096;

function fileHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8);
    const n = readSync(fd, buf, 0, 8, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

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

interface Planned {
  readonly bundle: ZipBundle;
  readonly file: string;
  readonly member: ZipMember;
  readonly year?: number;
}

/** Opens a bundle, recognises it by its members' headers, and plans which members to read. */
async function planBundle(
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

/**
 * Imports files, directories and CMS ZIP bundles, all or nothing. A bundle is recognised by the
 * content of its members (the RVU bundle must hold PPRRVU, GPCI, LOCCO, ANES and OPPSCAP); the
 * members it needs are streamed straight from the ZIP (CRC-checked), the others skipped with a note.
 */
export async function importSources(paths: readonly string[], options: SourcesOptions = {}): Promise<Result<SourcesResult, ImportError>> {
  const session = new ImportSession();
  const notes: string[] = [];
  const bundles: BundleSummary[] = [];
  const open: ZipBundle[] = [];
  const plain: { file: string; explicit: boolean }[] = [];
  const planned: Planned[] = [];
  try {
    for (const { file, explicit } of expandPaths(paths)) {
      let head: Buffer;
      try {
        head = fileHead(file);
      } catch (e) {
        return err({ code: 'READ_FAILED', file, reason: (e as Error).message });
      }
      if (!looksLikeZip(head) && !/\.zip$/i.test(file)) {
        plain.push({ file, explicit });
        continue;
      }
      const p = await planBundle(file, explicit, notes, session);
      if (!p.ok) return p;
      open.push(p.value.bundle);
      bundles.push(p.value.summary);
      planned.push(...p.value.planned);
    }
    const total = planned.reduce((n, p) => n + p.member.compressedSize, 0);
    let done = 0;
    for (const p of planned) {
      const started = performance.now();
      let buf: Buffer;
      try {
        buf = await p.bundle.read(p.member, undefined, (bytes) => {
          done += bytes;
          options.onProgress?.({ done: Math.min(done, total), total, label: basename(p.file) });
        });
      } catch (e) {
        return err({ code: 'BAD_BUNDLE', file: p.file, reason: `damaged ZIP member (${(e as Error).message})` });
      }
      const hints = { ...(p.year ? { year: p.year } : {}), ...hintsFor(options, p.file) };
      const r = session.add(p.file, buf, hints, true, started);
      if (!r.ok) return r;
    }
    for (const { file, explicit } of plain) {
      const started = performance.now();
      let buf: Buffer;
      try {
        buf = readSource(file);
      } catch (e) {
        return err({ code: 'READ_FAILED', file, reason: (e as Error).message });
      }
      const r = session.add(file, buf, hintsFor(options, file), explicit, started);
      if (!r.ok) return r;
    }
  } finally {
    for (const b of open) b.close();
  }
  const r = session.finish();
  return r.ok ? ok({ ...r.value, bundles, notes }) : r;
}
