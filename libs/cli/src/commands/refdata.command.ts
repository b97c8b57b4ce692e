import {
  buildDefaultData,
  defaultDataDir,
  importFiles,
  importIntoPostgres,
  loadCatalog,
  type FileHints,
  type ImportResult,
} from '@claimflow/refdata';
import { Client } from 'pg';
import { isAbsolute, relative, resolve } from 'node:path';
import { readArgs } from '../args';
import { runDiff } from './refdata-diff';
import { runStatus } from './refdata-status';
import type { CliCommand, CliIo } from '../cli-command';

const USAGE = `Usage:
  claimflow refdata import <file-or-dir>... [--year YYYY] [--quarter YYYYQn] [--partial] [--db [URL]]
      Detect each file's kind by its header, parse and load it in memory (all or nothing) and
      print per file: kind, dataset, rows, release, duration. Nothing is replaced on error.
      --db: also store the releases in PostgreSQL (URL or DATABASE_URL) in one transaction;
      identical content is left as it is, and a failure keeps the previous releases active.
  claimflow refdata list [--dir data/refdata]
      Releases of the shipped data set with validity and the partial flag.
  claimflow refdata status [--dir DIR | --db [URL]] [--date YYYY-MM-DD] [--json]
      Per dataset: the date-of-service ranges covered, the gaps, and what a claim dated today gets
      (strict: the release in force or refused; latest: which release).
  claimflow refdata diff <releaseA> <releaseB> [--code 77003] [--json] [--dir DIR | --db [URL]]
      What changed between two releases (e.g. MPFS-2025-OCT MPFS-2026-JUL-PARTIAL, NCCI-2026Q3 NCCI-2026Q4):
      PTP pairs added, deleted or with a changed modifier indicator; MUE values and indicators;
      RVUs, status and indicators; add-on codes and their primaries.
  claimflow refdata build-default --from ../shared/data/cms [--out data/refdata]
      Rebuild the shipped default data set from the CMS files.`;

const at = (io: CliIo, p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
const show = (io: CliIo, p: string): string => relative(io.cwd, p) || '.';

async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const dbAt = args.indexOf('--db');
  // --db takes an optional URL: a following argument that looks like one.
  const dbUrl =
    dbAt < 0
      ? null
      : /^postgres(ql)?:\/\//.test(args[dbAt + 1] ?? '')
        ? args[dbAt + 1]
        : (process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/claimflow');
  const rest = dbAt < 0 ? args : args.filter((x, i) => i !== dbAt && !(i === dbAt + 1 && x === dbUrl));
  const a = readArgs(rest, { year: { type: 'string' }, quarter: { type: 'string' }, partial: { type: 'boolean' } });
  if (!a.ok || a.positionals.length === 0) {
    io.err(a.ok ? 'refdata import: name at least one file or directory' : a.message);
    io.err(USAGE);
    return 2;
  }
  const hints: FileHints = {
    ...(a.values.year ? { year: Number(a.values.year) } : {}),
    ...(a.values.quarter ? { quarter: a.values.quarter } : {}),
    ...(a.values.partial ? { partial: true } : {}),
  };
  const started = performance.now();
  const r = importFiles(
    a.positionals.map((p) => at(io, p)),
    { hints },
  );
  if (!r.ok) {
    const e = r.error;
    io.err(`import failed, nothing loaded: ${show(io, e.file)}${e.line ? `:${e.line}` : ''}: ${e.reason} (${e.code})`);
    return 1;
  }
  for (const f of r.value.files)
    io.out(
      `${show(io, f.file)}\n  kind ${f.kind}, dataset ${f.dataset}, ${f.rows} rows, release ${f.releases.join(' + ')}, ${Math.round(f.ms)} ms`,
    );
  for (const s of r.value.skipped) io.out(`${show(io, s)}\n  skipped: not a recognised reference-data file`);
  io.out(
    `${r.value.tables.length} tables from ${r.value.files.length} files in ${Math.round(performance.now() - started)} ms (validated and loaded in memory)`,
  );
  return dbUrl ? storeInPostgres(r.value, dbUrl, io) : 0;
}

async function storeInPostgres(imported: ImportResult, url: string, io: CliIo): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const r = await importIntoPostgres(client, imported.tables);
    if (!r.ok) {
      io.err(`PostgreSQL import failed, previous releases stay active: ${r.error.reason}`);
      return 1;
    }
    for (const o of r.value) io.out(`postgres: ${o.dataset} ${o.releaseId}: ${o.action} (${o.rows} rows, ${Math.round(o.ms)} ms)`);
    return 0;
  } finally {
    await client.end();
  }
}

async function runList(args: readonly string[], io: CliIo): Promise<number> {
  const a = readArgs(args, { dir: { type: 'string' }, json: { type: 'boolean' } });
  if (!a.ok) {
    io.err(a.message);
    return 2;
  }
  const catalog = await loadCatalog(a.values.dir ? at(io, a.values.dir) : defaultDataDir());
  const releases = catalog.releases().sort((x, y) => x.dataset.localeCompare(y.dataset) || x.validFrom.localeCompare(y.validFrom));
  if (a.values.json) {
    io.out(JSON.stringify(releases, null, 2));
    return 0;
  }
  for (const r of releases) {
    io.out(`${r.dataset.padEnd(22)} ${r.id.padEnd(22)} ${r.validFrom} .. ${r.validTo ?? 'open'}${r.partial ? '  PARTIAL' : ''}`);
    for (const n of r.notes) io.out(`${' '.repeat(24)}note: ${n}`);
  }
  return 0;
}

async function runBuildDefault(args: readonly string[], io: CliIo): Promise<number> {
  const a = readArgs(args, { from: { type: 'string' }, out: { type: 'string' } });
  if (!a.ok || !a.values.from) {
    io.err(a.ok ? 'refdata build-default: --from <shared/data/cms> is required' : a.message);
    return 2;
  }
  const out = at(io, a.values.out ?? 'data/refdata');
  const r = buildDefaultData(at(io, a.values.from), out);
  if (!r.ok) {
    io.err(`build failed, data set unchanged: ${show(io, r.error.file)}${r.error.line ? `:${r.error.line}` : ''}: ${r.error.reason}`);
    return 1;
  }
  for (const e of r.value.manifest.tables)
    io.out(`${e.file.padEnd(58)} ${String(e.rows).padStart(8)} rows ${String(e.bytes).padStart(9)} bytes`);
  io.out(`wrote ${r.value.manifest.tables.length} tables to ${show(io, out)}`);
  return 0;
}

export const refdataCommand: CliCommand = {
  name: 'refdata',
  summary: 'Import, update, list, compare and rebuild CMS reference data (PPRRVU, GPCI, ZIP5, NCCI PTP/MUE/add-on)',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'import') return runImport(rest, io);
    if (sub === 'list') return runList(rest, io);
    if (sub === 'status') return runStatus(rest, io);
    if (sub === 'diff') return runDiff(rest, io);
    if (sub === 'build-default') return runBuildDefault(rest, io);
    io.err(sub ? `refdata: unknown subcommand "${sub}"` : 'refdata: name a subcommand');
    io.err(USAGE);
    return 2;
  },
};
