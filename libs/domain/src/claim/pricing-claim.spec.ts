import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeClaim } from '../intake';
import type { Claim } from './claim.schema';
import { PricingClaimSchema, PricingLineSchema, pricingClaimOf } from './pricing-claim';

const dir = join(__dirname, '../intake/__fixtures__/scenarios');
const demo = readdirSync(dir).filter((f) => f.endsWith('.json'));
const scenario = (file: string): Claim => {
  const claim = normalizeClaim(JSON.parse(readFileSync(join(dir, file), 'utf8')), { claimId: 'PRICING-1' });
  if (!claim.ok) throw new Error(`${file} does not normalize`);
  return claim.value;
};

describe('the claim as pricing reads it', () => {
  it.each(demo)('%s: what a consumer reads of the whole claim, the same through JSON', (file) => {
    const claim = scenario(file);
    const priced = pricingClaimOf(claim);
    expect(PricingClaimSchema.parse(claim)).toEqual(priced);
    expect(PricingClaimSchema.parse(JSON.parse(JSON.stringify(priced)))).toEqual(priced);
  });

  it('leaves out what only the validator reads, and keeps what pricing reads when the claim states it', () => {
    const claim = scenario(demo[0]);
    const line = { ...claim.lines[0], placeOfService: '22', renderingProviderNpi: '1234567893', charge: 120 };
    const whole: Claim = {
      ...claim,
      renderingProviderNpi: '1588667638',
      serviceFacility: { zip: '90012' },
      locality: { carrier: '01182', locality: '18' },
      lines: [line],
    };
    const priced = pricingClaimOf(whole);
    // Every field of the schema, in its order, when the claim states each.
    expect(Object.keys(priced)).toEqual(Object.keys(PricingClaimSchema.shape));
    expect(Object.keys(priced.lines[0])).toEqual(Object.keys(PricingLineSchema.shape));
    expect(Object.keys(priced)).toEqual([
      'claimId',
      'placeOfService',
      'billingProvider',
      'renderingProviderNpi',
      'serviceFacility',
      'locality',
      'lines',
    ]);
    expect(priced.lines[0]).toEqual({
      lineNumber: line.lineNumber,
      code: line.code,
      modifiers: line.modifiers,
      units: line.units,
      charge: 120,
      dateOfService: line.dateOfService,
      placeOfService: '22',
      renderingProviderNpi: '1234567893',
    });
    const bare = pricingClaimOf({ ...claim, lines: [{ ...claim.lines[0], charge: undefined }] });
    expect(Object.keys(bare)).toEqual(['claimId', 'placeOfService', 'billingProvider', 'lines']);
    expect(Object.keys(bare.lines[0])).toEqual(['lineNumber', 'code', 'modifiers', 'units', 'dateOfService']);
  });
});
