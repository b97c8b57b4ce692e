import type { DenialReportInput } from '@claimflow/domain';

/**
 * A valid report (77003 billed with 62323, denied as bundled), to vary in tests. The service's own
 * copy of the domain specs' fixture: a project may not import another project's files.
 */
export function aDenialReport(overrides: Partial<DenialReportInput> = {}): DenialReportInput {
  return {
    billedCodes: [
      { code: '62323', modifiers: [], units: 1 },
      { code: '77003', modifiers: ['26'], units: 1 },
    ],
    deniedCode: '77003',
    placeOfService: '11',
    payer: { type: 'medicare-part-b', macJurisdiction: 'JL' },
    state: 'PA',
    denialMonth: '2026-09',
    denialReasons: { carc: ['CO-97'], rarc: ['N130'] },
    whatHappened: 'Fluoroscopic guidance billed beside the epidural injection was denied as bundled.',
    appeal: { filed: true, level: 1, outcome: 'overturned' },
    whatWorked: 'Redetermination with the operative note; guidance is included in 62323, so we removed the line.',
    claimflowEdits: ['GUIDANCE_INCLUDED'],
    ...overrides,
  };
}
