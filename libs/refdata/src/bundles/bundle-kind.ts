import type { FileKind } from '@claimflow/domain';

export interface BundleShape {
  /** What the bundle is, recognised from its members' content. */
  readonly description: string;
  /** Member kinds a complete bundle of this shape holds (checked for the RVU bundle). */
  readonly required: readonly FileKind[];
}

const RVU_MEMBERS: readonly FileKind[] = ['pprrvu', 'gpci', 'locco', 'anes', 'oppscap'];

/** Recognises a CMS bundle by the kinds of the members it holds, not by its name. */
export function bundleShape(kinds: readonly FileKind[]): BundleShape {
  const has = (k: FileKind) => kinds.includes(k);
  if (RVU_MEMBERS.some(has) && kinds.every((k) => RVU_MEMBERS.includes(k)))
    return { description: 'CMS RVU bundle (PPRRVU, GPCI, LOCCO, ANES, OPPSCAP)', required: RVU_MEMBERS };
  if (kinds.length > 0 && kinds.every((k) => k === 'ptp-official' || k === 'ptp-csv-2024q3'))
    return { description: 'NCCI PTP bundle', required: [] };
  if (kinds.length > 0 && kinds.every((k) => k.startsWith('mue-'))) return { description: 'NCCI MUE bundle', required: [] };
  if (kinds.length > 0 && kinds.every((k) => k === 'addon')) return { description: 'NCCI add-on code bundle', required: [] };
  if (kinds.length > 0 && kinds.every((k) => k === 'zip5')) return { description: 'ZIP-to-locality bundle', required: [] };
  return { description: 'bundle of CMS reference-data files', required: [] };
}

/** The calendar year a PPRRVU file's title names ("2025 National Physician Fee Schedule Relative Value File ..."). */
export function pprrvuYear(head: string): number | undefined {
  const m = /(20\d\d) National Physician Fee Schedule Relative Value File/.exec(head);
  return m ? Number(m[1]) : undefined;
}
