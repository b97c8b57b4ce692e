import type { RefDataCatalog, ReleaseInfo } from '@claimflow/domain';
import type { CliIo } from '../cli-command';

/** A partial release: an excerpt of a CMS file, so a code or pair missing from it is unknown, not free. */
export interface Excerpt {
  readonly dataset: string;
  readonly release: string;
  readonly period: string;
  readonly from: string;
  readonly to: string | null;
  readonly rows: number | null;
}

/** CY2026 for a fee-schedule year, 2026Q3 for an NCCI quarter. */
function period(r: ReleaseInfo): string {
  const year = r.validFrom.slice(0, 4);
  if (r.dataset.startsWith('mpfs') && r.validFrom.endsWith('-01-01') && r.validTo?.endsWith('-12-31')) return `CY${year}`;
  return `${year}Q${Math.floor((Number(r.validFrom.slice(5, 7)) - 1) / 3) + 1}`;
}

export function excerptsOf(catalog: RefDataCatalog): Excerpt[] {
  return catalog
    .releases()
    .filter((r) => r.partial)
    .sort((a, b) => a.dataset.localeCompare(b.dataset) || a.validFrom.localeCompare(b.validFrom))
    .map((r) => {
      const table = catalog.resolve(r.dataset, r.validFrom);
      const rows = table.ok && table.value.release.id === r.id ? ((table.value as { size?: number }).size ?? null) : null;
      return { dataset: r.dataset, release: r.id, period: period(r), from: r.validFrom, to: r.validTo, rows };
    });
}

export function printExcerpts(io: CliIo, excerpts: readonly Excerpt[]): void {
  if (!excerpts.length) {
    io.out('Excerpts: none; every release loaded is a complete CMS file.');
    return;
  }
  io.out('Excerpts (partial releases: only the codes they hold are checked; a code missing from one is "not in the excerpt", never free):');
  for (const e of excerpts) {
    const rows = e.rows === null ? '' : `, ${e.rows.toLocaleString('en-US')} rows`;
    io.out(`  ${e.period.padEnd(7)} ${e.dataset.padEnd(22)} ${e.release} (${e.from} .. ${e.to ?? 'open'}${rows}) is an EXCERPT`);
  }
  io.out('  A complete release for those dates: claimflow refdata update --quarter <YYYYQn of the dates>');
}
