import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { ClaimValidatedV2 } from '@claimflow/contracts';
import {
  completeValidation,
  findingsOf,
  normalizeClaim,
  pricingClaimOf,
  validateClaim,
  type Claim,
  type RefDataCatalog,
  type RefdataFallback,
} from '@claimflow/domain';
import { goldenClaim } from './golden.helpers';

const SCENARIOS = join(__dirname, '../../../../libs/domain/src/intake/__fixtures__/scenarios');
const demo = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

const scenario = (file: string): Claim => {
  const claim = normalizeClaim(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')), { claimId: 'GOLDEN-1' });
  if (!claim.ok) throw new Error(`${file} does not normalize`);
  return claim.value;
};

/** ClaimValidated.v2 as the validator writes it and a consumer reads it: through JSON and the wire schema. */
function roundTrip(claim: Claim, refdataFallback: RefdataFallback) {
  const result = validateClaim(claim, catalog, { refdataFallback });
  const body = { type: 'ClaimValidated.v2', claim: pricingClaimOf(claim), validation: findingsOf(result) };
  const message = ClaimValidatedV2.parse(JSON.parse(JSON.stringify(body)));
  // Completed as ingest completes it: against the whole claim its ledger row holds.
  return { result, findings: message.validation, completed: completeValidation(claim, message.validation) };
}

const gaps = (edits: readonly { code: string }[]) => edits.filter((e) => e.code === 'REFDATA_UNAVAILABLE').length;

describe('golden: ClaimValidated.v2 findings complete to validateClaim, the prose and gap warns derived from the facts', () => {
  it.each(demo.flatMap((file) => [[file, 'latest'] as const, [file, 'strict'] as const]))('%s (%s)', (file, mode) => {
    const { result, findings, completed } = roundTrip(scenario(file), mode);
    expect(completed).toEqual(result);
    expect(JSON.stringify(completed)).toBe(JSON.stringify(result));
    expect(gaps(result.edits)).toBeGreaterThan(0);
    expect(gaps(findings.edits)).toBe(0);
    // Every rule's edit by its facts (no prose on the wire), every family worded from its dataset.
    expect(findings.edits.filter((e) => !('template' in e))).toEqual([]);
    expect(findings.notChecked.filter((n) => 'family' in n && n.family !== undefined)).toEqual([]);
    // A stand-in release's notes are its notChecked entry's, not repeated in each edit drawn from it.
    expect(findings.edits.filter((e) => e.source.notes && findings.notChecked.some((n) => n.release === e.source.release))).toEqual([]);
  });

  it.each([
    ['the partial 2026 releases', ['99213', '20610'], '2026-08-03', {}, 'is partial'],
    ['no release before 2024Q3', ['62323', '77003'], '2023-05-02', {}, '(loaded: NCCI-2024Q3)'],
    ['no hospital PTP release loaded', ['62323', '77003'], '2024-08-15', { claimType: 'institutional' }, 'No outpatient-hospital PTP'],
  ])('%s', (_, codes, dateOfService, o, text) => {
    const claim = goldenClaim(
      codes.map((code) => ({ code, dateOfService })),
      { placeOfService: '22', ...o },
    );
    for (const mode of ['strict', 'latest'] as const) {
      const { result, findings, completed } = roundTrip(claim, mode);
      expect(completed).toEqual(result);
      expect(gaps(findings.edits)).toBe(0);
      if (mode === 'strict') expect(result.edits.map((e) => e.message).join('\n')).toContain(text);
    }
  });
});
