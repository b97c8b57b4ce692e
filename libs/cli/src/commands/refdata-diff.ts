import { diffReleases, type DatasetDiff, type FieldChange } from '@claimflow/domain';
import { readArgs } from '../args';
import type { CliIo } from '../cli-command';
import { catalogFrom, takeDbFlag } from './refdata-source';

const value = (v: FieldChange['from']): string => (v === null ? '-' : String(v));

export function printDiff(io: CliIo, diffs: readonly DatasetDiff[], limit = Infinity): void {
  for (const d of diffs) {
    const counts = (['added', 'removed', 'changed'] as const).map((k) => `${d.changes.filter((c) => c.kind === k).length} ${k}`);
    io.out(`${d.dataset}: ${d.from} -> ${d.to}: ${counts.join(', ')}`);
    for (const n of d.notes) io.out(`  note: ${n}`);
    for (const c of d.changes.slice(0, limit))
      io.out(`  ${c.kind.padEnd(7)} ${c.key}${c.fields.map((f) => `  ${f.field} ${value(f.from)} -> ${value(f.to)}`).join(',')}`);
    if (d.changes.length > limit) io.out(`  ... ${d.changes.length - limit} more (--json for all)`);
  }
}

/** `refdata diff <releaseA> <releaseB> [--code C] [--json] [--dir DIR | --db [URL]]` */
export async function runDiff(args: readonly string[], io: CliIo): Promise<number> {
  const { dbUrl, rest } = takeDbFlag(args);
  const a = readArgs(rest, { dir: { type: 'string' }, code: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } });
  if (!a.ok || a.positionals.length !== 2) {
    io.err(a.ok ? 'refdata diff: name two releases, e.g. NCCI-2026Q3 NCCI-2026Q4' : a.message);
    return 2;
  }
  if (a.values.code && !/^[A-Z0-9]{5}$/i.test(a.values.code)) {
    io.err('refdata diff: --code must be a 5-character HCPCS code');
    return 2;
  }
  const [from, to] = a.positionals;
  const catalog = await catalogFrom(io, a.values.dir, dbUrl);
  const ids = new Set(catalog.releases().map((r) => r.id));
  const unknown = [from, to].filter((id) => !ids.has(id));
  if (unknown.length) {
    io.err(`refdata diff: release not loaded: ${unknown.join(', ')} (see refdata list)`);
    return 1;
  }
  const diffs = diffReleases(catalog, from, to, { code: a.values.code?.toUpperCase() });
  if (diffs.length === 0) {
    io.err(`refdata diff: ${from} and ${to} share no dataset`);
    return 1;
  }
  if (a.values.json) io.out(JSON.stringify(diffs, null, 2));
  else printDiff(io, diffs, a.values.limit ? Number(a.values.limit) : 50);
  return 0;
}
