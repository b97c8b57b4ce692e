import {
  importIntoPostgres,
  importSources,
  mergeIntoDataSet,
  provenanceOf,
  type FileHints,
  type ImportedTable,
  type ImportResult,
} from '@claimflow/refdata';
import { Client } from 'pg';
import { relative } from 'node:path';
import type { CliIo } from '../cli-command';
import { progressBar } from '../progress-bar';

const show = (io: CliIo, p: string): string => relative(io.cwd, p) || '.';

export interface StoreTarget {
  readonly hints?: FileHints;
  /** A data-set folder to add the releases to. */
  readonly out: string | null;
  readonly dbUrl: string | null;
  /** Where each bundle was downloaded from (refdata update). */
  readonly urls?: ReadonlyMap<string, string>;
}

/** Imports files, directories and bundles (all or nothing), prints what came in, then stores it in a folder and/or Postgres. */
export async function importAndStore(paths: readonly string[], target: StoreTarget, io: CliIo): Promise<number> {
  const started = performance.now();
  const bar = progressBar();
  const r = await importSources(paths, { hints: target.hints ?? {}, onProgress: (p) => bar.update(p) });
  bar.end();
  if (!r.ok) {
    const e = r.error;
    io.err(`import failed, nothing loaded: ${show(io, e.file)}${e.line ? `:${e.line}` : ''}: ${e.reason} (${e.code})`);
    return 1;
  }
  for (const b of r.value.bundles) io.out(`${show(io, b.file)}: ${b.description}, ${b.bytes} bytes, sha256 ${b.sha256}`);
  for (const f of r.value.files)
    io.out(
      `${show(io, f.file)}\n  kind ${f.kind}, dataset ${f.dataset}, ${f.rows} rows, release ${f.releases.join(' + ')}, ${Math.round(f.ms)} ms`,
    );
  const noted = new Set(r.value.notes.map((n) => n.slice(0, n.indexOf(': '))));
  for (const s of r.value.skipped.filter((x) => !noted.has(x))) io.out(`${show(io, s)}\n  skipped: not a recognised reference-data file`);
  for (const n of r.value.notes) io.out(`note: ${show(io, n.slice(0, n.indexOf(': ')))}${n.slice(n.indexOf(': '))}`);
  io.out(
    `${r.value.tables.length} tables from ${r.value.files.length} files in ${Math.round(performance.now() - started)} ms (validated and loaded in memory)`,
  );
  io.out('Summary:');
  for (const t of [...r.value.tables].sort((x, y) => x.dataset.localeCompare(y.dataset))) {
    const rel = t.table.release;
    const rows = r.value.files.filter((f) => f.dataset === t.dataset && f.releases.includes(rel.id)).reduce((n, f) => n + f.rows, 0);
    io.out(
      `  ${t.dataset.padEnd(22)} ${rel.id.padEnd(22)} ${String(rows).padStart(9)} rows  valid ${rel.validFrom} .. ${rel.validTo ?? 'open'}` +
        (rel.partial ? '  PARTIAL' : ''),
    );
  }
  if (target.out) {
    const provenance = await provenanceOf(r.value);
    const sourcesOf = (t: ImportedTable) =>
      provenance(t).map((s) => {
        const url = target.urls?.get(s.name);
        return url ? { ...s, url } : s;
      });
    const manifest = mergeIntoDataSet(target.out, r.value.tables, 'claimflow refdata import', sourcesOf);
    io.out(`folder: ${r.value.tables.length} releases written to ${show(io, target.out)} (${manifest.tables.length} in its manifest)`);
  }
  return target.dbUrl ? storeInPostgres(r.value, target.dbUrl, io) : 0;
}

async function storeInPostgres(imported: ImportResult, url: string, io: CliIo): Promise<number> {
  const client = new Client({ connectionString: url });
  // The server going away is reported by the query in flight; an 'error' event without a listener would crash instead.
  client.on('error', () => undefined);
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
