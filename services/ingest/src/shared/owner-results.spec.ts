import { loadDefaultCatalog } from '@claimflow/refdata';
import { expandOwnerResult, ownerResultOf, storedPricing, storedValidation, type ClaimPricedV1 } from '@claimflow/contracts';
import type { RefDataCatalog } from '@claimflow/domain';
import { editsByLine } from './ledger-facts';
import { DEMO_SCENARIOS, pipelineMessages, scenarioClaim, wire } from '../../test/support/scenario-results';

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

const cases = DEMO_SCENARIOS.flatMap((file) => [[file, 'latest'] as const, [file, 'strict'] as const]);

describe("an owner's ClaimResult.v2 result: from the ledger without the claim, each fact once, whole again with it", () => {
  it.each(cases)('%s (%s), stored compact', (file, mode) => {
    const claim = scenarioClaim(file);
    const { result, pricing, validated, priced } = pipelineMessages(claim, catalog, mode);
    const owner = wire(ownerResultOf(wire(storedPricing(priced))));
    expect(owner?.validation).not.toHaveProperty('lines');
    expect(owner?.validation).not.toHaveProperty('correctedClaim');
    expect(owner?.validation.outcome).toBe(result.outcome);
    expect(wire(expandOwnerResult(owner!, wire(claim)))).toEqual(wire({ validation: result, pricing }));
    // Before pricing, the validation alone.
    expect(wire(expandOwnerResult(ownerResultOf(wire(storedValidation(validated)))!, wire(claim)))).toEqual(wire({ validation: result }));
    // The payer outcome's predicted edits per line (the gap warns included) read the same from the stored compact form.
    expect(editsByLine(wire(storedPricing(priced)))).toEqual(editsByLine(wire({ validation: result })));
    // Well under half of the whole result for every demo claim.
    expect(JSON.stringify(owner).length).toBeLessThan(JSON.stringify({ validation: result, pricing }).length / 2);
  });

  it.each(cases)('%s (%s), stored whole by an earlier build', (file, mode) => {
    const claim = scenarioClaim(file);
    const { result, pricing } = pipelineMessages(claim, catalog, mode);
    const v1: ClaimPricedV1 = { type: 'ClaimPriced.v1', claim, validation: result, pricing };
    const owner = ownerResultOf(wire(storedPricing(v1)));
    expect(owner?.validation).not.toHaveProperty('lines');
    expect(owner?.pricing).not.toHaveProperty('claimId');
    expect(wire(expandOwnerResult(owner!, wire(claim)))).toEqual(wire({ validation: result, pricing }));
  });

  it('has no result where nothing is stored', () => {
    expect(ownerResultOf(null)).toBeUndefined();
    expect(ownerResultOf(undefined)).toBeUndefined();
  });
});
