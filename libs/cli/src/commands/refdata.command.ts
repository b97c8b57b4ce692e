import { buildDefaultData, defaultDataDir, loadCatalog, type FileHints } from '@claimflow/refdata';
import { isAbsolute, relative, resolve } from 'node:path';
import { readArgs } from '../args';
import { runDiff } from './refdata-diff';
import { importAndStore } from './refdata-import';
import { takeDbFlag } from './refdata-source';
import { runStatus } from './refdata-status';
import { runUpdate } from './refdata-update';
import type { CliCommand, CliIo } from '../cli-command';

const USAGE = `Usage:
  claimflow refdata import <file.zip|file|dir>... [--year YYYY] [--quarter YYYYQn] [--partial] [--out DIR] [--db [URL]]
      Detect each file's kind by its header, parse and load it in memory (all or nothing) and
      print per file: kind, dataset, rows, release, duration; then a summary. Nothing is replaced on error.
      CMS ZIP bundles (RVU, NCCI PTP, MUE, add-on, ZIP-to-locality) are recognised by their members'
      content; the members needed are streamed from the ZIP, the others skipped with a note.
      --out: add the releases to a data-set folder (e.g. data/refdata), with each bundle's sha256.
      --db: also store the releases in PostgreSQL (URL or DATABASE_URL) in one transaction;
      identical content is left as it is, and a failure keeps the previous releases active.
  claimflow refdata update [--quarter 2026Q4[,2027Q1...]] [--from DIR] [--sources FILE] [--out DIR] [--db [URL]] [--keep DIR]
      Download the CMS bundles of a quarter (default: the current one; several, comma-separated, one after the
      other) — RVU, NCCI PTP (practitioner; outpatient hospital when published), MUE, add-on codes, ZIP-to-locality — from the addresses in
      data/refdata-sources.json (or --sources), verify each (size, whole ZIP with CRC-checked members,
      pinned sha256), then import them all or nothing into the folder (--out, default REFDATA_DIR or
      data/refdata; each bundle's URL and sha256 go into its manifest) and/or Postgres (--db).
      --from DIR: air-gapped, the bundles someone downloaded elsewhere. --keep DIR: keep the downloads.
  claimflow refdata list [--dir data/refdata]
      Releases of the shipped data set with validity and the partial flag.
  claimflow refdata status [--dir DIR | --db [URL]] [--date YYYY-MM-DD] [--json]
      Per dataset: the date-of-service ranges covered, the gaps, and what a claim dated today gets
      (strict: the release in force or refused; latest: which release); then which years and quarters
      are only EXCERPTS (partial releases), with their row counts.
  claimflow refdata diff <releaseA> <releaseB> [--code 77003] [--json] [--dir DIR | --db [URL]]
      What changed between two releases (e.g. MPFS-2025-OCT MPFS-2026-JUL-PARTIAL, NCCI-2026Q3 NCCI-2026Q4):
      PTP pairs added, deleted or with a changed modifier indicator; MUE values and indicators;
      RVUs, status and indicators; add-on codes and their primaries.
  claimflow refdata build-default --from ../shared/data/cms [--out data/refdata]
      Rebuild the shipped default data set from the CMS files.`;

const at = (io: CliIo, p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
const show = (io: CliIo, p: string): string => relative(io.cwd, p) || '.';

async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const { dbUrl, rest } = takeDbFlag(args);
  const a = readArgs(rest, {
    year: { type: 'string' },
    quarter: { type: 'string' },
    partial: { type: 'boolean' },
    out: { type: 'string' },
  });
  if (!a.ok || a.positionals.length === 0) {
    io.err(a.ok ? 'refdata import: name at least one file, directory or ZIP bundle' : a.message);
    io.err(USAGE);
    return 2;
  }
  const hints: FileHints = {
    ...(a.values.year ? { year: Number(a.values.year) } : {}),
    ...(a.values.quarter ? { quarter: a.values.quarter } : {}),
    ...(a.values.partial ? { partial: true } : {}),
  };
  return importAndStore(
    a.positionals.map((p) => at(io, p)),
    { hints, out: a.values.out ? at(io, a.values.out) : null, dbUrl },
    io,
  );
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
    if (sub === 'update') return runUpdate(rest, io);
    if (sub === 'diff') return runDiff(rest, io);
    if (sub === 'build-default') return runBuildDefault(rest, io);
    io.err(sub ? `refdata: unknown subcommand "${sub}"` : 'refdata: name a subcommand');
    io.err(USAGE);
    return 2;
  },
};
