import { dateKey } from '../../shared/dates';
import type { Dataset, ReleaseInfo } from '../../refdata/release';
import type {
  AddonEntry,
  AddonTable,
  AddonType,
  FeeScheduleTable,
  ModifierIndicator,
  MueAdjudicationIndicator,
  MueEntry,
  MueTable,
  PtpEdit,
  PtpTable,
  RvuRow,
} from '../../refdata/tables';
import { ptpInForce } from '../rules/ptp.rule';

/**
 * Small in-memory reference tables implementing the refdata interfaces, for unit tests.
 * Test data, not mocks: lookups behave like the real tables (dates, deletions, partial releases).
 */
export function release(dataset: Dataset, o: Partial<ReleaseInfo> = {}): ReleaseInfo {
  return { id: `${dataset}-TEST`, dataset, validFrom: '2025-01-01', validTo: '2025-12-31', partial: false, notes: [], ...o };
}

export interface RvuSpec {
  readonly status?: string;
  readonly pctc?: string;
  readonly globalDays?: string;
  readonly modifier?: string;
  readonly total?: number;
}

export function rvu(hcpcs: string, o: RvuSpec = {}): RvuRow {
  const total = o.total ?? 1;
  return {
    hcpcs,
    modifier: o.modifier ?? '',
    status: o.status ?? 'A',
    notUsedForMedicare: false,
    workRvu: 0,
    nonFacilityPeRvu: 0,
    nonFacilityNa: false,
    facilityPeRvu: 0,
    facilityNa: false,
    mpRvu: 0,
    nonFacilityTotal: total,
    facilityTotal: total,
    pctcIndicator: o.pctc ?? '0',
    globalDays: o.globalDays ?? '000',
    multipleProcedure: '0',
    bilateral: '0',
    assistant: '0',
    coSurgeon: '0',
    team: '0',
    endoscopicBase: '',
    conversionFactor: 32.3465,
    physicianSupervision: '09',
    diagnosticImagingFamily: '99',
    oppsNonFacilityPe: 0,
    oppsFacilityPe: 0,
    oppsMp: 0,
  };
}

export function feeTable(rows: readonly RvuRow[], rel: Partial<ReleaseInfo> = {}): FeeScheduleTable {
  const byKey = new Map(rows.map((r) => [`${r.hcpcs}|${r.modifier}`, r]));
  return {
    release: release('mpfs-rvu', rel),
    conversionFactor: 32.3465,
    get: (hcpcs, modifier = '') => byKey.get(`${hcpcs}|${modifier}`),
    rowsOf: (hcpcs) => rows.filter((r) => r.hcpcs === hcpcs),
    size: rows.length,
  };
}

/** [column1, column2, indicator, rationale?, effective YYYY-MM-DD?, deletion YYYY-MM-DD?] */
export type PtpSpec = readonly [string, string, ModifierIndicator, string?, string?, string?];

export function ptpTable(specs: readonly PtpSpec[], rel: Partial<ReleaseInfo> = {}, dataset: Dataset = 'ncci-ptp-practitioner'): PtpTable {
  const edits: PtpEdit[] = specs.map(([column1, column2, modifierIndicator, rationale, eff, del]) => ({
    column1,
    column2,
    modifierIndicator,
    rationale: rationale ?? 'Misuse of Column Two code with Column One code',
    effective: eff ? dateKey(eff) : null,
    deletion: del ? dateKey(del) : null,
  }));
  const inForce = (dos: number) => edits.filter((e) => ptpInForce(e, dos));
  return {
    release: release(dataset, rel),
    find: (c1, c2, dos) => inForce(dos).find((e) => e.column1 === c1 && e.column2 === c2),
    asColumn1: (code, dos) => inForce(dos).filter((e) => e.column1 === code),
    asColumn2: (code, dos) => inForce(dos).filter((e) => e.column2 === code),
    size: edits.length,
  };
}

export function mueTable(
  specs: readonly (readonly [string, number, MueAdjudicationIndicator, string?])[],
  rel: Partial<ReleaseInfo> = {},
  dataset: Dataset = 'ncci-mue-practitioner',
): MueTable {
  const byCode = new Map<string, MueEntry>(
    specs.map(([code, value, mai, rationale]) => [code, { code, value, mai, rationale: rationale ?? 'Clinical: Data' }]),
  );
  return { release: release(dataset, rel), get: (code) => byCode.get(code), size: byCode.size };
}

export function addonTable(
  specs: readonly (readonly [string, AddonType, readonly string[]])[],
  rel: Partial<ReleaseInfo> = {},
): AddonTable {
  const byCode = new Map<string, AddonEntry>(specs.map(([addon, type, primaries]) => [addon, { addon, type, primaries }]));
  return { release: release('ncci-addon', rel), get: (code) => byCode.get(code), size: byCode.size };
}
