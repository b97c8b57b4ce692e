import type { Dataset, ReleaseInfo } from '../../refdata/release';
import type {
  AddonEntry,
  AddonTable,
  FeeScheduleTable,
  Gpci,
  GpciTable,
  OppsCapPrice,
  OppsCapTable,
  RvuRow,
  ZipLocality,
  ZipLocalityTable,
} from '../../refdata/tables';

/** Small in-memory reference tables for unit tests: real figures typed in, not mocks. */
export interface ReleaseSpec {
  readonly id: string;
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly partial?: boolean;
  readonly notes?: readonly string[];
}

export function release(dataset: Dataset, spec: ReleaseSpec): ReleaseInfo {
  return {
    id: spec.id,
    dataset,
    validFrom: spec.validFrom,
    validTo: spec.validTo ?? null,
    partial: spec.partial ?? false,
    notes: spec.notes ?? [],
  };
}

export function feeScheduleTable(spec: ReleaseSpec, conversionFactor: number, rows: readonly RvuRow[]): FeeScheduleTable {
  const byKey = new Map(rows.map((r) => [`${r.hcpcs}|${r.modifier}`, r]));
  return {
    release: release('mpfs-rvu', spec),
    conversionFactor,
    get: (hcpcs, modifier = '') => byKey.get(`${hcpcs}|${modifier}`),
    rowsOf: (hcpcs) => rows.filter((r) => r.hcpcs === hcpcs),
    size: rows.length,
  };
}

export function gpciTable(spec: ReleaseSpec, gpcis: readonly Gpci[]): GpciTable {
  const byKey = new Map(gpcis.map((g) => [`${g.carrier}|${g.locality}`, g]));
  return { release: release('mpfs-gpci', spec), get: (c, l) => byKey.get(`${c}|${l}`), all: () => gpcis };
}

export function zipTable(spec: ReleaseSpec, zips: readonly ZipLocality[]): ZipLocalityTable {
  const byZip = new Map(zips.map((z) => [z.zip, z]));
  return { release: release('mpfs-zip5', spec), get: (zip) => byZip.get(zip), size: zips.length };
}

export interface OppsCapEntry extends OppsCapPrice {
  readonly hcpcs: string;
  readonly modifier: string;
  readonly carrier: string;
  readonly locality: string;
}

export function oppsCapTable(spec: ReleaseSpec, entries: readonly OppsCapEntry[]): OppsCapTable {
  const byKey = new Map(entries.map((e) => [`${e.hcpcs}|${e.modifier}|${e.carrier}|${e.locality}`, e]));
  const pairs = new Set(entries.map((e) => `${e.hcpcs}|${e.modifier}`));
  return {
    release: release('mpfs-oppscap', spec),
    get: (h, m, c, l) => byKey.get(`${h}|${m}|${c}|${l}`),
    has: (h, m) => pairs.has(`${h}|${m}`),
  };
}

export function addonTable(spec: ReleaseSpec, entries: readonly AddonEntry[]): AddonTable {
  const byCode = new Map(entries.map((e) => [e.addon, e]));
  return { release: release('ncci-addon', spec), get: (code) => byCode.get(code), size: entries.length };
}
