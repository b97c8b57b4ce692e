import { err, type Result } from '@claimflow/domain';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ImportSession } from './import-session';
import type { FileHints, ImportError, ImportResult } from './import-types';
import { readSource } from './read-source';

export interface ImportOptions {
  /** Hints for every file, or per resolved file path. */
  readonly hints?: FileHints | ((file: string) => FileHints);
}

/** Files named and files found in directories (recursively, sorted), resolved. */
export function expandPaths(paths: readonly string[]): { file: string; explicit: boolean }[] {
  const out: { file: string; explicit: boolean }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ file: p, explicit: false });
    }
  };
  for (const p of paths.map((x) => resolve(x))) {
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p);
    else out.push({ file: p, explicit: true });
  }
  return out;
}

export const hintsFor = (options: ImportOptions, file: string): FileHints =>
  typeof options.hints === 'function' ? options.hints(file) : (options.hints ?? {});

/**
 * Reads files and directories into tables, all or nothing: the first malformed file fails the
 * whole import (naming file, line and reason) and nothing is returned to replace what is loaded.
 * Files found in directories that are not reference data are skipped and listed.
 * (ZIP bundles: importSources.)
 */
export function importFiles(paths: readonly string[], options: ImportOptions = {}): Result<ImportResult, ImportError> {
  const session = new ImportSession();
  for (const { file, explicit } of expandPaths(paths)) {
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
  return session.finish();
}
