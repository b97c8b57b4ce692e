import type { Claim } from '../claim/claim.schema';
import type { ValidateOptions } from './dos-tables';
import type { ValidationResult } from './edit';
import { completeValidation, type ClaimlessValidation } from './complete-validation';
import { RefDataCatalog } from '../refdata/catalog';
import { EDIT_TEMPLATES } from './text/edit-templates';
import { claimWith } from './testing/claim.fixture';
import { feeTable, rvu } from './testing/refdata.fixture';

/** Every result the rule specs' claims give, with what its findings said: edits named by facts, and whole. */
const mockSeen: {
  result: ValidationResult;
  completed: ValidationResult;
  claim: Claim;
  claimless: ClaimlessValidation;
  facts: string[];
  whole: string[];
}[] = [];

// Each validateClaim of the specs required below also goes through the compact messages: findingsOf, JSON,
// completeValidation. The specs then run as they are, against validateClaim's own result.
jest.mock('./validate-claim', () => {
  const actual = jest.requireActual('./validate-claim');
  const { claimlessValidation, completeValidation, findingsOf } = jest.requireActual('./complete-validation');
  return {
    ...actual,
    validateClaim: (claim: Claim, catalog: RefDataCatalog, options?: ValidateOptions) => {
      const result: ValidationResult = actual.validateClaim(claim, catalog, options);
      const findings = JSON.parse(JSON.stringify(findingsOf(result)));
      const edits: { template?: string; code: string }[] = findings.edits;
      mockSeen.push({
        claim,
        result,
        completed: completeValidation(claim, findings),
        claimless: claimlessValidation(findings),
        facts: edits.flatMap((e) => (e.template ? [e.template] : [])),
        whole: edits.filter((e) => !e.template).map((e) => e.code),
      });
      return result;
    },
  };
});

describe('the rule specs, each result also through findingsOf, JSON and completeValidation', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./rules/addon.rule.spec');
  require('./rules/code-status.rule.spec');
  require('./rules/documentation.rule.spec');
  require('./rules/facility-packaged.rule.spec');
  require('./rules/guidance.rule.spec');
  require('./rules/modifier-use.rule.spec');
  require('./rules/mue.rule.spec');
  require('./rules/pctc.rule.spec');
  require('./rules/ptp.rule.spec');
  require('./rules/ptp-modifiers.spec');
  require('./validate-claim.spec');
  /* eslint-enable @typescript-eslint/no-require-imports */
});

describe('what no rule spec writes', () => {
  // A status this scrubber does not know; a code payable only as the interpretation (PC/TC 6) billed without 26.
  const catalog = new RefDataCatalog().add('mpfs-rvu', feeTable([rvu('83020', { pctc: '6' }), rvu('0999T', { status: 'Q' })]));
  it.each([
    ['status.unknown', '0999T'],
    ['pctc.only-26', '83020'],
  ])('%s', (template, code) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { validateClaim } = require('./validate-claim');
    validateClaim(claimWith([code]), catalog);
    expect(mockSeen.at(-1)?.facts).toEqual([template]);
  });
});

describe('what the rule specs validated', () => {
  it('completes to the very result, and each rule edit travels by its facts', () => {
    expect(mockSeen.length).toBeGreaterThan(150);
    for (const { result, completed, whole } of mockSeen) {
      expect(completed).toEqual(result);
      expect(JSON.stringify(completed)).toBe(JSON.stringify(result));
      // Only the reference-data gap warns travel whole (when notChecked does not give them back exactly).
      expect(whole.filter((code) => code !== 'REFDATA_UNAVAILABLE')).toEqual([]);
    }
    const named = mockSeen.flatMap((s) => s.facts);
    expect(named.length).toBeGreaterThan(150);
    expect(EDIT_TEMPLATES.filter((t) => !named.includes(t))).toEqual([]);
  });

  it('gives, without the claim, exactly the outcome, notChecked, refresh command and releases, and edits that complete to the result', () => {
    const outcomes = new Set<string>();
    let leftOut = 0;
    for (const { claim, result, claimless, whole } of mockSeen) {
      const { outcome, notChecked, refreshCommand, releases } = result;
      expect(claimless).toMatchObject({ outcome, notChecked, releases });
      expect(claimless.refreshCommand).toBe(refreshCommand);
      // Each edit once: the gap warns notChecked states are left out (as findingsOf leaves them), completing writes them back.
      const gaps = (edits: readonly { code: string }[]) => edits.filter((e) => e.code === 'REFDATA_UNAVAILABLE').length;
      expect(gaps(claimless.edits)).toBe(whole.filter((code) => code === 'REFDATA_UNAVAILABLE').length);
      leftOut += gaps(result.edits) - gaps(claimless.edits);
      expect(completeValidation(claim, JSON.parse(JSON.stringify(claimless)))).toEqual(result);
      outcomes.add(outcome);
    }
    expect(leftOut).toBeGreaterThan(0);
    // Every outcome was among them (a denied claim with no deny edit on a line would have shown here).
    expect([...outcomes].sort()).toEqual(['clean', 'denied', 'incomplete']);
  });
});
