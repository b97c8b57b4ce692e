import { refDataCoverage, type DatasetCoverage } from '@claimflow/domain';
import { readArgs } from '../args';
import type { CliIo } from '../cli-command';
import { excerptsOf, printExcerpts } from './refdata-excerpts';
import { catalogFrom, takeDbFlag } from './refdata-source';

const range = (r: { from: string; to: string | null }): string => `${r.from} .. ${r.to ?? 'open'}`;

export function printCoverage(
  io: CliIo,
  coverage: readonly DatasetCoverage[],
  today: string,
  excerpts: ReadonlySet<string> = new Set(),
): void {
  const named = (id: string | null) => (id && excerpts.has(id) ? `${id} (an EXCERPT)` : id);
  io.out(`Reference data coverage (dates of service), and what a claim dated today (${today}) gets:`);
  for (const c of coverage) {
    io.out(`${c.dataset.padEnd(22)} covers ${c.covered.map(range).join(', ')}`);
    if (c.gaps.length) io.out(`${' '.repeat(23)}gaps   ${c.gaps.map(range).join(', ')}`);
    io.out(
      `${' '.repeat(23)}today  strict: ${named(c.today.strict) ?? 'refused (REFDATA_UNAVAILABLE)'}; latest: ${named(c.today.latest)}` +
        (c.today.strict === c.today.latest ? '' : ' (newest loaded, named on every answer)'),
    );
  }
}

/** `refdata status [--dir DIR | --db [URL]] [--date YYYY-MM-DD] [--json]` */
export async function runStatus(args: readonly string[], io: CliIo): Promise<number> {
  const { dbUrl, rest } = takeDbFlag(args);
  const a = readArgs(rest, { dir: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } });
  if (!a.ok || (a.values.date && !/^\d{4}-\d{2}-\d{2}$/.test(a.values.date))) {
    io.err(a.ok ? 'refdata status: --date must be YYYY-MM-DD' : a.message);
    return 2;
  }
  const today = a.values.date ?? new Date().toISOString().slice(0, 10);
  const catalog = await catalogFrom(io, a.values.dir, dbUrl);
  const coverage = refDataCoverage(catalog, today);
  const excerpts = excerptsOf(catalog);
  if (a.values.json) io.out(JSON.stringify({ today, coverage, excerpts }, null, 2));
  else {
    printCoverage(io, coverage, today, new Set(excerpts.map((e) => e.release)));
    printExcerpts(io, excerpts);
  }
  return 0;
}
