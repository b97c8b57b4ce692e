import type { z } from 'zod';
import { EDIT_TEMPLATES, pricingClaimOf, type Edit } from '@claimflow/domain';
import { ClaimDeadLetteredV1 } from '../claim-messages';
import { EnvelopeSchema } from '../../envelope/envelope';
import { ClaimNormalizedV2, ClaimPricedV2, ClaimValidatedV2, ClaimValidatedV2ById } from '../compact-messages';
import { LESI_CLAIM } from './lesi-claim.fixture';

/**
 * One message of each type the pipeline's consumers check, as the services write them (every union's branches,
 * optional fields given and left out, defaults left out of a claim), for the compiled check's spec to mutate.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const wire = <T>(value: T): Json => JSON.parse(JSON.stringify(value)) as Json;

const edit: Edit = {
  code: 'PTP_BUNDLED',
  severity: 'deny',
  lines: [2],
  message: '77003 is a column 2 code of 62323',
  source: { dataset: 'ncci-ptp-practitioner', release: 'NCCI-2024Q3', effective: null, modifierIndicator: '1', notes: ['n'] },
  fix: { action: 'remove-line', detail: 'remove the line', automatic: true },
};
const facts = {
  ...edit,
  message: undefined,
  fix: { action: 'add-modifier', automatic: false, modifier: '59' },
  template: EDIT_TEMPLATES[0],
  params: { column1: '62323', line: 2, mutuallyExclusive: false, codes: ['77003'] },
};
const findings = {
  edits: [edit, facts],
  notChecked: [
    {
      dataset: 'ncci-mue-practitioner',
      reason: 'stand-in',
      release: 'MUE-2024Q3',
      lines: [1],
      from: '2025-03-10',
      to: '2025-03-10',
      validTo: null,
    },
    {
      reason: 'no-release',
      lines: [],
      from: '2025-03-10',
      to: '2025-03-10',
      datasets: ['ncci-ptp-practitioner', 'ncci-addon'],
      loaded: [],
    },
  ],
  releases: ['NCCI-2024Q3'],
};
const locality = { carrier: '13202', locality: '01', name: 'MANHATTAN NY', source: 'zip' };
const breakdown = {
  rvus: { work: 0.54, pe: 1.9, mp: 0.05, total: 2.49 },
  gpci: { work: 1.094, pe: 1.387, mp: 1.899 },
  conversionFactor: 32.3465,
  unitPrice: 115.3,
  adjustments: [{ kind: 'multiple-procedure', description: 'second procedure', factor: 0.5, amountBefore: 230.6, amountAfter: 115.3 }],
};
const priced = {
  kind: 'priced',
  lines: [
    { setting: 'non-facility', allowed: 115.3, medicarePayment: 92.24, coinsurance: 23.06, limitingCharge: 0, status: 'priced', breakdown },
    {
      modifiers: ['59'],
      setting: 'facility',
      allowed: 0,
      medicarePayment: 0,
      coinsurance: 0,
      limitingCharge: 0,
      status: 'denied',
      deniedBy: ['PTP_BUNDLED'],
    },
  ],
  totals: { allowed: 115.3, medicarePayment: 92.24, coinsurance: 23.06 },
  notes: [],
  releases: ['MPFS-2025-OCT'],
  locality,
};
// The claim as a PM system writes it, its defaulted fields left out; and whole, every optional field given.
const { claimType: _t, frequencyCode: _f, payer: _p, diagnoses: _d, ...bare } = LESI_CLAIM;
const whole = {
  ...LESI_CLAIM,
  submitterId: 'bench',
  payer: { type: 'medicare-advantage', id: 'P1' },
  renderingProviderNpi: '1234567893',
  serviceFacility: { npi: '1234567893', zip: '100161234' },
  locality: { carrier: '13202', locality: '01' },
  diagnoses: ['M54.16'.replace('.', '')],
  lines: LESI_CLAIM.lines.map((l) => ({
    ...l,
    charge: 100,
    placeOfService: '22',
    renderingProviderNpi: '1234567893',
    documentation: { signedReport: true, fluoroscopyMinutes: 1.5 },
  })),
};
const deadLetter = {
  type: 'ClaimDeadLettered.v1',
  reason: { code: 'INVALID_MESSAGE', message: 'no' },
  source: { service: 'validator', topic: 'claims.normalized.v2', partition: 3, key: null, headers: { 'cf-message-id': 'm' } },
  originalValueBase64: 'e30=',
  claimId: 'c-1',
};

export const PIPELINE_MESSAGE_SEEDS: [string, z.ZodType, Json][] = [
  [
    'ClaimNormalized.v2, defaults left out',
    ClaimNormalizedV2,
    wire({ type: 'ClaimNormalized.v2', claim: { ...bare, lines: bare.lines.map(({ diagnosisPointers: _, ...l }) => l) } }),
  ],
  ['ClaimNormalized.v2, whole', ClaimNormalizedV2, wire({ type: 'ClaimNormalized.v2', claim: whole })],
  ['ClaimValidated.v2', ClaimValidatedV2, wire({ type: 'ClaimValidated.v2', claim: pricingClaimOf(LESI_CLAIM), validation: findings })],
  [
    'ClaimValidated.v2 by id',
    ClaimValidatedV2ById,
    wire({ type: 'ClaimValidated.v2', claim: pricingClaimOf(LESI_CLAIM), validation: findings }),
  ],
  ['ClaimPriced.v2', ClaimPricedV2, wire({ type: 'ClaimPriced.v2', claimId: 'c-1', validation: findings, pricing: priced })],
  [
    'ClaimPriced.v2, failed',
    ClaimPricedV2,
    wire({ type: 'ClaimPriced.v2', claimId: 'c-1', validation: findings, pricing: { kind: 'failed', code: 'X', message: 'y' } }),
  ],
  ['ClaimDeadLettered.v1', ClaimDeadLetteredV1, wire(deadLetter)],
  [
    'an envelope',
    EnvelopeSchema,
    {
      id: 'a8f1',
      correlationId: 'c',
      causationId: 'p',
      occurredAt: '2026-12-07T10:00:00.123+01:00',
      type: 'ClaimPriced.v2',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
  ],
  [
    'an envelope without trace',
    EnvelopeSchema,
    { id: 'a', correlationId: 'c', causationId: 'p', occurredAt: '2024-02-29T23:59:59Z', type: 'X.v1' },
  ],
];
