import type { RefDataCatalog } from '../refdata/catalog';
import type { ReleaseInfo } from '../refdata/release';
import type { Edit } from './edit';
import type { DosGap, EditDataset } from './resolve-dos-tables';

/** The lines and dates of one claim that share a gap (same dataset, same stand-in release or none). */
export interface GapGroup {
  readonly gap: DosGap;
  readonly lines: number[];
  first: string;
  last: string;
}

const PURPOSE: Record<EditDataset, string> = {
  'mpfs-rvu': 'code status, PC/TC and add-on payability checks',
  'ncci-ptp-practitioner': 'practitioner procedure-to-procedure (bundling) edits',
  'ncci-ptp-hospital': 'outpatient-hospital procedure-to-procedure (bundling) edits',
  'ncci-mue-practitioner': 'practitioner medically unlikely edits (unit limits)',
  'ncci-mue-hospital': 'outpatient-hospital medically unlikely edits (unit limits)',
  'ncci-addon': 'add-on code edits',
};

/** What a dataset's edits check, in words. */
export function familyOf(dataset: EditDataset): string {
  return PURPOSE[dataset];
}

/** Adds a line on `iso` to the group of its gap, opening one when the dataset/stand-in pair is new. */
export function addToGap(groups: GapGroup[], gap: DosGap, iso: string, line: number): void {
  let g = groups.find((x) => x.gap.dataset === gap.dataset && x.gap.used === gap.used && x.gap.partial === gap.partial);
  if (!g) groups.push((g = { gap, lines: [], first: iso, last: iso }));
  g.lines.push(line);
  if (iso < g.first) g.first = iso;
  if (iso > g.last) g.last = iso;
}

/** One REFDATA_UNAVAILABLE warn per dataset and outcome, covering every line and date it affects. */
export function gapEdit(group: GapGroup, catalog: RefDataCatalog): Edit {
  const dates = group.first === group.last ? group.first : `dates from ${group.first} to ${group.last}`;
  const { dataset, used, partial } = group.gap;
  if (partial && used) return partialEdit(dataset, used, dates, group.lines);
  return used ? fallbackEdit(dataset, used, dates, group.lines) : unavailableEdit(group, dates, catalog);
}

function partialEdit(dataset: EditDataset, release: ReleaseInfo, dates: string, lines: readonly number[]): Edit {
  return {
    code: 'REFDATA_UNAVAILABLE',
    severity: 'warn',
    lines,
    message:
      `The ${dataset} release in force on ${dates} (${release.id}) is partial: the ${PURPOSE[dataset]} cover only the codes ` +
      'it holds, and a code or pair missing from it is unknown to this release, not free of edits.',
    source: release.notes.length ? { dataset, release: release.id, notes: release.notes } : { dataset, release: release.id },
    fix: {
      action: 'none',
      detail: `Validate against a complete ${dataset} release for ${dates} before relying on a clean result.`,
      automatic: false,
    },
  };
}

function fallbackEdit(dataset: EditDataset, release: ReleaseInfo, dates: string, lines: readonly number[]): Edit {
  const span = `${release.validFrom} to ${release.validTo ?? 'open'}`;
  return {
    code: 'REFDATA_UNAVAILABLE',
    severity: 'warn',
    lines,
    message:
      `No ${dataset} release is in force on ${dates}; the ${PURPOSE[dataset]} were applied from ${release.id} ` +
      `(valid ${span}), which is not the release in force then, so the payer's edits may differ.`,
    source: release.notes.length ? { dataset, release: release.id, notes: release.notes } : { dataset, release: release.id },
    fix: { action: 'none', detail: `Load the ${dataset} release in force on ${dates} and validate again.`, automatic: false },
  };
}

function unavailableEdit(group: GapGroup, dates: string, catalog: RefDataCatalog): Edit {
  const { dataset, reason } = group.gap;
  const noHospital = dataset === 'ncci-ptp-hospital' && catalog.releases(dataset).length === 0;
  const message = noHospital
    ? `No outpatient-hospital PTP release is loaded, so the ${PURPOSE[dataset]} were not applied on ${dates}; ` +
      'the practitioner table was deliberately not used in its place because hospital edits differ.'
    : group.first === group.last
      ? `${reason}: the ${PURPOSE[dataset]} could not be applied to this date of service.`
      : `No ${dataset} release is in force on ${dates}: the ${PURPOSE[dataset]} could not be applied to these lines.`;
  return {
    code: 'REFDATA_UNAVAILABLE',
    severity: 'warn',
    lines: group.lines,
    message,
    source: { dataset, release: 'none' },
    fix: {
      action: 'none',
      detail: `Load a ${dataset} release covering ${dates}, or validate with refdataFallback 'latest'.`,
      automatic: false,
    },
  };
}
