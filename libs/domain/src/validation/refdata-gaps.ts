import { noReleaseInForce } from '../refdata/catalog';
import type { Edit, NotChecked } from './edit';
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

/** What the edit family of `dataset` checks, in words (NotChecked.family), if it is one. */
export const familyOf = (dataset: string): string | undefined =>
  Object.hasOwn(PURPOSE, dataset) ? PURPOSE[dataset as EditDataset] : undefined;

/** Adds a line on `iso` to the group of its gap, opening one when the dataset/stand-in pair is new. */
export function addToGap(groups: GapGroup[], gap: DosGap, iso: string, line: number): void {
  let g = groups.find((x) => x.gap.dataset === gap.dataset && x.gap.used === gap.used && x.gap.partial === gap.partial);
  if (!g) groups.push((g = { gap, lines: [], first: iso, last: iso }));
  g.lines.push(line);
  if (iso < g.first) g.first = iso;
  if (iso > g.last) g.last = iso;
}

/** A gap group as reported: where, why, and all its REFDATA_UNAVAILABLE warn says (gapEdit). */
export function notCheckedEntry(g: GapGroup): NotChecked {
  const { dataset, used, partial, loaded } = g.gap;
  return {
    dataset,
    family: PURPOSE[dataset],
    reason: partial ? 'partial' : used ? 'stand-in' : 'no-release',
    ...(used ? { release: used.id } : {}),
    lines: [...new Set(g.lines)],
    from: g.first,
    to: g.last,
    ...(used && !partial ? { validFrom: used.validFrom, validTo: used.validTo } : {}),
    ...(used?.notes.length ? { notes: used.notes } : {}),
    ...(used ? {} : { loaded: loaded ?? [] }),
  };
}

/**
 * Whether a REFDATA_UNAVAILABLE warn stands for the entry: for every gap a date resolves to (buildContext), not for
 * the codes a partial fee schedule lacks, which the code-status rule reports code by code (CODE_UNKNOWN).
 */
export const hasGapEdit = (n: NotChecked): boolean => !(n.dataset === 'mpfs-rvu' && n.reason === 'partial');

/** The REFDATA_UNAVAILABLE warns `notChecked` stands for, in its order: what validateClaim put first in its edits. */
export const gapEditsOf = (notChecked: readonly NotChecked[]): Edit[] => notChecked.filter(hasGapEdit).map((n) => gapEdit(n));

/** Of each warn gapEditsOf writes, what the list facets read (its code, severity and lines), without its prose. */
export const gapEditFactsOf = (notChecked: readonly NotChecked[]): Pick<Edit, 'code' | 'severity' | 'lines'>[] =>
  notChecked.filter(hasGapEdit).map((n) => ({ code: 'REFDATA_UNAVAILABLE', severity: 'warn', lines: n.lines }));

/** One REFDATA_UNAVAILABLE warn per dataset and outcome, from its NotChecked entry alone, naming `lines`. */
export function gapEdit(n: NotChecked, lines: readonly number[] = n.lines): Edit {
  const dates = n.from === n.to ? n.from : `dates from ${n.from} to ${n.to}`;
  if (n.reason === 'partial' && n.release) return partialEdit(n, n.release, dates, lines);
  return n.release ? fallbackEdit(n, n.release, dates, lines) : unavailableEdit(n, dates, lines);
}

const sourceOf = ({ dataset, notes }: NotChecked, release: string): Edit['source'] =>
  notes?.length ? { dataset, release, notes } : { dataset, release };

function partialEdit(n: NotChecked, release: string, dates: string, lines: readonly number[]): Edit {
  const { dataset } = n;
  return {
    code: 'REFDATA_UNAVAILABLE',
    severity: 'warn',
    lines,
    message:
      `The ${dataset} release in force on ${dates} (${release}) is partial: the ${n.family} cover only the codes ` +
      'it holds, and a code or pair missing from it is unknown to this release, not free of edits.',
    source: sourceOf(n, release),
    fix: {
      action: 'none',
      detail: `Validate against a complete ${dataset} release for ${dates} before relying on a clean result.`,
      automatic: false,
    },
  };
}

function fallbackEdit(n: NotChecked, release: string, dates: string, lines: readonly number[]): Edit {
  const { dataset } = n;
  const span = `${n.validFrom} to ${n.validTo ?? 'open'}`;
  return {
    code: 'REFDATA_UNAVAILABLE',
    severity: 'warn',
    lines,
    message:
      `No ${dataset} release is in force on ${dates}; the ${n.family} were applied from ${release} ` +
      `(valid ${span}), which is not the release in force then, so the payer's edits may differ.`,
    source: sourceOf(n, release),
    fix: { action: 'none', detail: `Load the ${dataset} release in force on ${dates} and validate again.`, automatic: false },
  };
}

function unavailableEdit(n: NotChecked, dates: string, lines: readonly number[]): Edit {
  const { dataset } = n;
  const loaded = n.loaded ?? [];
  const message =
    dataset === 'ncci-ptp-hospital' && loaded.length === 0
      ? `No outpatient-hospital PTP release is loaded, so the ${n.family} were not applied on ${dates}; ` +
        'the practitioner table was deliberately not used in its place because hospital edits differ.'
      : n.from === n.to
        ? `${noReleaseInForce(dataset, n.from, loaded)}: the ${n.family} could not be applied to this date of service.`
        : `No ${dataset} release is in force on ${dates}: the ${n.family} could not be applied to these lines.`;
  return {
    code: 'REFDATA_UNAVAILABLE',
    severity: 'warn',
    lines,
    message,
    source: { dataset, release: 'none' },
    fix: {
      action: 'none',
      detail: `Load a ${dataset} release covering ${dates}, or validate with refdataFallback 'latest'.`,
      automatic: false,
    },
  };
}
