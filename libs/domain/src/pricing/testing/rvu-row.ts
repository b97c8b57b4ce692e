import type { RvuRow } from '../../refdata/tables';

/** What a test says about a row; everything else takes the value most rows carry. */
export type RvuRowSpec = Pick<RvuRow, 'hcpcs' | 'workRvu' | 'mpRvu'> & Partial<RvuRow> & { readonly pe?: number };

export function rvuRow(spec: RvuRowSpec): RvuRow {
  const nonFacilityPe = spec.nonFacilityPeRvu ?? spec.pe ?? 0;
  const facilityPe = spec.facilityPeRvu ?? spec.pe ?? 0;
  const sum = (pe: number) => Math.round((spec.workRvu + pe + spec.mpRvu) * 100) / 100;
  return {
    modifier: '',
    status: 'A',
    notUsedForMedicare: false,
    nonFacilityNa: false,
    facilityNa: false,
    pctcIndicator: '0',
    globalDays: 'XXX',
    multipleProcedure: '0',
    bilateral: '0',
    assistant: '0',
    coSurgeon: '0',
    team: '0',
    endoscopicBase: '',
    conversionFactor: 0,
    physicianSupervision: '09',
    diagnosticImagingFamily: '99',
    oppsNonFacilityPe: 0,
    oppsFacilityPe: 0,
    oppsMp: 0,
    ...spec,
    nonFacilityPeRvu: nonFacilityPe,
    facilityPeRvu: facilityPe,
    nonFacilityTotal: spec.nonFacilityTotal ?? sum(nonFacilityPe),
    facilityTotal: spec.facilityTotal ?? sum(facilityPe),
  };
}
