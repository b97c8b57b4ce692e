import type { RefDataCatalog } from '../catalog';
import type { Dataset, ReleaseInfo } from '../release';
import type { AddonTable, FeeScheduleTable, MueTable, PtpEdit, PtpTable, RvuRow } from '../tables';
import type { DatasetDiff, FieldChange, RefDataChange } from './release-diff.types';

export interface DiffOptions {
  /** Only changes that involve this code. */
  readonly code?: string;
  /** Only these datasets. */
  readonly datasets?: readonly Dataset[];
}

/** Iteration the compact tables offer beyond their lookup interfaces. */
type Listed = { readonly rows?: readonly unknown[]; readonly columns?: { readonly codes: readonly string[] } };

const RVU_FIELDS: readonly (keyof RvuRow)[] = [
  'status',
  'workRvu',
  'nonFacilityPeRvu',
  'facilityPeRvu',
  'mpRvu',
  'nonFacilityTotal',
  'facilityTotal',
  'nonFacilityNa',
  'facilityNa',
  'pctcIndicator',
  'globalDays',
  'multipleProcedure',
  'bilateral',
  'assistant',
  'coSurgeon',
  'team',
  'physicianSupervision',
  'diagnosticImagingFamily',
];

const PARTIAL_NOTE = (r: ReleaseInfo): string =>
  `${r.id} is partial: only codes it holds are compared (a code missing from it is unknown to it, not removed)`;

function compareFields<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    const x = (a[f] ?? null) as FieldChange['from'];
    const y = (b[f] ?? null) as FieldChange['to'];
    if (x !== y) out.push({ field: String(f), from: x, to: y });
  }
  return out;
}

/** Keyed entries of two releases: added, removed (unless a side is partial) and changed. */
function compareKeyed<T>(
  a: Map<string, T>,
  b: Map<string, T>,
  partial: { from: boolean; to: boolean },
  fieldsOf: (x: T, y: T) => FieldChange[],
): RefDataChange[] {
  const out: RefDataChange[] = [];
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y === undefined) {
      if (!partial.to) out.push({ kind: 'removed', key, fields: [] });
      continue;
    }
    const fields = fieldsOf(x, y);
    if (fields.length) out.push({ kind: 'changed', key, fields });
  }
  if (!partial.from) for (const key of b.keys()) if (!a.has(key)) out.push({ kind: 'added', key, fields: [] });
  return out.sort((p, q) => p.key.localeCompare(q.key) || p.kind.localeCompare(q.kind));
}

const rvuKey = (r: RvuRow): string => (r.modifier ? `${r.hcpcs}-${r.modifier}` : r.hcpcs);

function rvuEntries(t: FeeScheduleTable, code?: string): Map<string, RvuRow> {
  const rows = code ? t.rowsOf(code) : (((t as Listed).rows ?? []) as readonly RvuRow[]);
  return new Map(rows.map((r) => [rvuKey(r), r]));
}

function mueEntries(t: MueTable, code?: string): Map<string, { value: number; mai: number }> {
  const codes = code ? [code] : (((t as Listed).rows ?? []) as readonly { code: string }[]).map((r) => r.code);
  const out = new Map<string, { value: number; mai: number }>();
  for (const c of codes) {
    const e = t.get(c);
    if (e) out.set(c, { value: e.value, mai: e.mai });
  }
  return out;
}

function addonEntries(t: AddonTable, code?: string): Map<string, { type: number; primaries: string }> {
  const codes = code ? [code] : [...new Set((((t as Listed).rows ?? []) as readonly { addon: string }[]).map((r) => r.addon))];
  const out = new Map<string, { type: number; primaries: string }>();
  for (const c of codes) {
    const e = t.get(c);
    if (e) out.set(c, { type: e.type, primaries: e.primaries.join(' ') });
  }
  return out;
}

const dayNumber = (iso: string): number => Number(iso.replaceAll('-', ''));

/** PTP pairs in force on the release's first day, by "column1/column2". */
function ptpEntries(t: PtpTable, code?: string): Map<string, PtpEdit> {
  const dos = dayNumber(t.release.validFrom);
  const codes = code ? [code] : ((t as Listed).columns?.codes ?? []);
  const out = new Map<string, PtpEdit>();
  for (const c of codes) for (const e of t.asColumn1(c, dos)) out.set(`${e.column1}/${e.column2}`, e);
  if (code) for (const e of t.asColumn2(code, dos)) out.set(`${e.column1}/${e.column2}`, e);
  return out;
}

function addonChanges(x: { type: number; primaries: string }, y: { type: number; primaries: string }): FieldChange[] {
  const out = compareFields(x, y, ['type']);
  const before = new Set(x.primaries.split(' ').filter(Boolean));
  const after = new Set(y.primaries.split(' ').filter(Boolean));
  const added = [...after].filter((p) => !before.has(p));
  const removed = [...before].filter((p) => !after.has(p));
  if (added.length) out.push({ field: 'primaries added', from: null, to: added.join(' ') });
  if (removed.length) out.push({ field: 'primaries removed', from: removed.join(' '), to: null });
  return out;
}

function diffTables(dataset: Dataset, a: unknown, b: unknown, code: string | undefined, partial: { from: boolean; to: boolean }) {
  if (dataset === 'mpfs-rvu') {
    const changes = compareKeyed(rvuEntries(a as FeeScheduleTable, code), rvuEntries(b as FeeScheduleTable, code), partial, (x, y) =>
      compareFields(x, y, RVU_FIELDS),
    );
    const cf = compareFields(a as FeeScheduleTable, b as FeeScheduleTable, ['conversionFactor']);
    return cf.length ? [{ kind: 'changed' as const, key: 'conversion factor', fields: cf }, ...changes] : changes;
  }
  if (dataset.startsWith('ncci-mue'))
    return compareKeyed(mueEntries(a as MueTable, code), mueEntries(b as MueTable, code), partial, (x, y) =>
      compareFields(x, y, ['value', 'mai']),
    );
  if (dataset.startsWith('ncci-ptp'))
    return compareKeyed(ptpEntries(a as PtpTable, code), ptpEntries(b as PtpTable, code), partial, (x, y) =>
      compareFields(x, y, ['modifierIndicator']),
    );
  if (dataset === 'ncci-addon')
    return compareKeyed(addonEntries(a as AddonTable, code), addonEntries(b as AddonTable, code), partial, addonChanges);
  return null;
}

/**
 * What changed between two releases (ids as loaded, e.g. MPFS-2025-OCT and MPFS-2026-JUL-PARTIAL,
 * or NCCI-2024Q3 and NCCI-2026Q3-PARTIAL), for every dataset that holds both: fee-schedule rows
 * (RVUs, status, indicators), MUE values and indicators, PTP pairs in force on each release's
 * first day (added, deleted, modifier indicator changed), add-on codes and their primaries.
 */
export function diffReleases(catalog: RefDataCatalog, fromId: string, toId: string, options: DiffOptions = {}): DatasetDiff[] {
  const out: DatasetDiff[] = [];
  for (const dataset of catalog.datasets().sort()) {
    if (options.datasets && !options.datasets.includes(dataset)) continue;
    const a = catalog.release(dataset, fromId);
    const b = catalog.release(dataset, toId);
    if (!a || !b) continue;
    const partial = { from: a.release.partial, to: b.release.partial };
    const changes = diffTables(dataset, a.table, b.table, options.code, partial);
    if (!changes) continue;
    const notes = [a.release, b.release].filter((r) => r.partial).map(PARTIAL_NOTE);
    out.push({ dataset, from: fromId, to: toId, changes, notes });
  }
  return out;
}

/** Releases of a dataset in date order, each paired with the one before it (for "what changed this quarter"). */
export function previousRelease(catalog: RefDataCatalog, dataset: Dataset, id: string): ReleaseInfo | undefined {
  const list = catalog.releases(dataset).sort((x, y) => x.validFrom.localeCompare(y.validFrom));
  const at = list.findIndex((r) => r.id === id);
  return at > 0 ? list[at - 1] : undefined;
}
