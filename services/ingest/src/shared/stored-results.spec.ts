import { loadDefaultCatalog } from '@claimflow/refdata';
import {
  ownerResultOf,
  pricedResultOf,
  readStoredResult,
  storedPricing,
  storedResultFacets,
  storedValidation,
  validationOf,
  type ClaimPricedV1,
  type CompactStoredResult,
  type ClaimValidatedV1,
} from '@claimflow/contracts';
import type { RefDataCatalog } from '@claimflow/domain';
import { DEMO_SCENARIOS, earlierCompact, pipelineMessages, scenarioClaim, wire } from '../../test/support/scenario-results';
import { editsByLine } from './ledger-facts';

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

const cases = DEMO_SCENARIOS.flatMap((file) => [[file, 'latest'] as const, [file, 'strict'] as const]);

/** The edit codes of a whole result, as the generated column edit_codes read them: the distinct codes of validation.edits. */
const editCodes = (stored: { validation: { edits: readonly { code: string }[] } }) =>
  [...new Set(stored.validation.edits.map((e) => e.code))].sort();

describe('the ledger stores a v2 result compactly and reads it back whole, as it stored it before', () => {
  it.each(cases)('%s (%s)', (file, mode) => {
    const claim = scenarioClaim(file);
    const { result, pricing, validated, priced } = pipelineMessages(claim, catalog, mode);
    const row = wire(claim);

    // Before: the whole result, completed from the message (validationOf, pricedResultOf), went into the column.
    const wholeValidated = wire({ validation: validationOf(validated, claim) });
    const wholePriced = wire(pricedResultOf(priced, claim));
    expect(wholePriced).toEqual(wire({ validation: result, pricing }));

    const onValidated = wire(storedValidation(validated));
    const onPriced = wire(storedPricing(priced));
    expect(onValidated).toMatchObject({ form: 'compact' });
    expect(onPriced).toMatchObject({ form: 'compact' });
    expect(wire(readStoredResult(onValidated, row))).toEqual(wholeValidated);
    expect(wire(readStoredResult(onPriced, row))).toEqual(wholePriced);

    // The findings stored as the message carries them; the list facets read from them are the whole result's.
    expect(onValidated.validation).toEqual(wire(validated.validation));
    expect(onPriced.validation).toEqual(wire(priced.validation));
    for (const [stored, whole] of [
      [onValidated, wholeValidated],
      [onPriced, wholePriced],
    ] as const) {
      expect(storedResultFacets(stored)).toEqual({ editCodes: editCodes(whole), denied: whole.validation.lines.some((l) => l.denied) });
      // A row an earlier build stored, every edit whole: read back, listed and answered the same.
      const earlier = wire(earlierCompact(stored as CompactStoredResult));
      expect(wire(readStoredResult(earlier, row))).toEqual(whole);
      expect(storedResultFacets(earlier)).toEqual(storedResultFacets(stored));
      expect(editsByLine(earlier)).toEqual(editsByLine(stored));
      expect(editsByLine(stored)).toEqual(editsByLine(whole));
      expect(wire(ownerResultOf(earlier))).toEqual(wire(ownerResultOf(stored)));
    }
    // 1.2 to 3.7 KB of 5.9 to 18.0 KB for the demo claims (the priced result); with every edit stored whole, 2.7 to 4.0.
    expect(JSON.stringify(onPriced).length).toBeLessThan(JSON.stringify(wholePriced).length * 0.25);
  });

  it.each(cases)('v1 results stay whole and read back as they are: %s (%s)', (file, mode) => {
    const claim = scenarioClaim(file);
    const { result, pricing } = pipelineMessages(claim, catalog, mode);
    const v1: ClaimPricedV1 = { type: 'ClaimPriced.v1', claim, validation: result, pricing };
    const validatedV1: ClaimValidatedV1 = { type: 'ClaimValidated.v1', claim, validation: result };
    expect(wire(readStoredResult(wire(storedPricing(v1)), wire(claim)))).toEqual(wire({ validation: result, pricing }));
    expect(wire(readStoredResult(wire(storedValidation(validatedV1)), wire(claim)))).toEqual(wire({ validation: result }));
  });

  it('reads a whole result as it is, and no result as undefined', () => {
    const whole = { validation: { edits: [], lines: [{ lineNumber: 1, denied: false }] } };
    expect(readStoredResult(whole, null)).toBe(whole);
    expect(readStoredResult(null, null)).toBeUndefined();
    expect(() => readStoredResult({ form: 'compact', validation: { edits: [], notChecked: [], releases: [] } }, null)).toThrow(
      'a compact result is read with the claim it is of',
    );
  });
});
