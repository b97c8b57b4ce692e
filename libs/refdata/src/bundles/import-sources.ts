import { err, ok, type Result } from '@claimflow/domain';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { expandPaths, hintsFor } from '../import/import-files';
import { ImportSession } from '../import/import-session';
import type { ImportError } from '../import/import-types';
import { readSource } from '../import/read-source';
import { planBundle, type Planned } from './bundle-plan';
import type { BundleSummary, SourcesOptions, SourcesResult } from './import-sources.types';
import { looksLikeZip, type ZipBundle } from './zip-reader';

export * from './import-sources.types';
export { digestOf, provenanceOf } from './bundle-provenance';

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
