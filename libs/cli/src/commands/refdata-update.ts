import {
  bundlesFromDir,
  defaultDataDir,
  defaultSourcesFile,
  downloadQuarter,
  parseQuarter,
  quarterOf,
  readSourcesConfig,
  type FetchOutcome,
  type Quarter,
  type UpdateError,
} from '@claimflow/refdata';
import type { Result } from '@claimflow/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { readArgs } from '../args';
import type { CliIo } from '../cli-command';
import { importAndStore } from './refdata-import';
import { takeDbFlag } from './refdata-source';

/**
 * `refdata update [--quarter YYYYQn[,YYYYQn...]] [--from DIR] [--sources FILE] [--out DIR] [--db [URL]] [--keep DIR]`.
 * Several quarters (as a check's refresh command names them) are updated one after the other, stopping at the first failure.
 */
export async function runUpdate(args: readonly string[], io: CliIo): Promise<number> {
  const at = args.indexOf('--quarter');
  const list = at >= 0 ? (args[at + 1] ?? '') : '';
  if (list.includes(',')) {
    for (const quarter of list.split(',').filter(Boolean)) {
      const code = await runQuarter([...args.slice(0, at + 1), quarter, ...args.slice(at + 2)], io);
      if (code !== 0) return code;
    }
    return 0;
  }
  return runQuarter(args, io);
}

async function runQuarter(args: readonly string[], io: CliIo): Promise<number> {
  const { dbUrl, rest } = takeDbFlag(args);
  const a = readArgs(rest, {
    quarter: { type: 'string' },
    from: { type: 'string' },
    sources: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'string' },
  });
  if (!a.ok || a.positionals.length > 0) {
    io.err(a.ok ? `refdata update: unexpected argument "${a.positionals[0]}"` : a.message);
    return 2;
  }
  const quarter: Quarter | null = a.values.quarter ? parseQuarter(a.values.quarter) : a.values.from ? null : quarterOf(new Date());
  if (a.values.quarter && !quarter) {
    io.err('refdata update: --quarter must look like 2026Q4');
    return 2;
  }
  const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const out = a.values.out ? at(a.values.out) : dbUrl ? null : (process.env.REFDATA_DIR ?? defaultDataDir());
  const label = quarter ? `${quarter.year}Q${quarter.quarter}` : 'the bundles given';

  let fetched: Result<FetchOutcome, UpdateError>;
  let scratch: string | null = null;
  if (a.values.from) {
    fetched = await bundlesFromDir(at(a.values.from));
  } else {
    const config = readSourcesConfig(a.values.sources ? at(a.values.sources) : defaultSourcesFile());
    if (!config.ok) {
      io.err(`refdata update: bad sources file: ${config.error}`);
      return 2;
    }
    const into = a.values.keep ? at(a.values.keep) : (scratch = mkdtempSync(join(tmpdir(), 'claimflow-update-')));
    io.out(`downloading the bundles of ${label} into ${into}`);
    fetched = await downloadQuarter(config.value, quarter!, into);
  }
  try {
    if (!fetched.ok) {
      const e = fetched.error;
      io.err(`update failed, nothing imported: ${e.bundle ? `${e.bundle}: ` : ''}${e.reason} (${e.code})`);
      return 1;
    }
    for (const b of fetched.value.bundles)
      io.out(`verified ${basename(b.path)}: ${b.bytes} bytes, ${b.members} members, sha256 ${b.sha256}${b.url ? ` from ${b.url}` : ''}`);
    for (const m of fetched.value.missing) io.out(`note: ${m}: not published at its source for ${label} (optional), skipped`);
    const urls = new Map(fetched.value.bundles.flatMap((b) => (b.url ? [[basename(b.path), b.url] as const] : [])));
    return await importAndStore(
      fetched.value.bundles.map((b) => b.path),
      { hints: quarter ? { quarter: `${quarter.year}Q${quarter.quarter}` } : {}, out, dbUrl, urls },
      io,
    );
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
