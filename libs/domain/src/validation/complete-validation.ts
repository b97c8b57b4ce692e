import type { Claim } from '../claim/claim.schema';
import type { ValidationInput } from '../pricing/validation-input';
import { correctedClaim } from './corrected-claim';
import type { Edit, NotChecked, ValidationResult } from './edit';
import { factsOf, isFacts, renderEdit, type EditFacts } from './edit-facts';
import { lineResults, type LineEdit, type LineResultOf, type LinesOfClaim } from './line-results';
import { claimOutcome, refreshCommand } from './outcome';
import { groupNotChecked, notCheckedOfFindings, type FindingNotChecked, type SingleNotChecked } from './not-checked-groups';
import { familyOf, gapEditFactsOf, gapEditsOf } from './refdata-gaps';
import { withoutStatedNotes, withStatedNotes } from './release-notes';
import { same } from './same-json';

/**
 * What validating a claim found, each edit stated once: everything else in a ValidationResult (the lines, the
 * outcome, the corrected claim, the refresh command) follows from it and the claim (completeValidation). The
 * compact messages (ClaimValidated.v2, ClaimPriced.v2) carry this, not the whole result. Each edit is named by its
 * facts (EditFacts: the template of its prose and the template's parameters) when they render back to it exactly,
 * else whole; left out, when completing gives them back exactly (findingsOf): the REFDATA_UNAVAILABLE warns
 * `notChecked` states, each entry's `family` when it is the dataset's wording, and an edit source's release notes
 * when the `notChecked` entry of that release states them; consecutive `notChecked` entries that differ only in
 * their dataset are stated once (groupNotChecked). completeValidation writes them all again.
 */
export interface ValidationFindings {
  readonly edits: readonly (Edit | EditFacts)[];
  readonly notChecked: readonly FindingNotChecked[];
  readonly releases: readonly string[];
}

const isGap = (e: Edit | EditFacts) => e.code === 'REFDATA_UNAVAILABLE';

/** The result's findings in their compact form, each part left out only when completing gives it back exactly. */
export function findingsOf({ edits, notChecked, releases }: ValidationResult): ValidationFindings {
  return {
    edits: withoutStatedNotes(withoutDerivedGaps(edits, notChecked).map(compactEdit), notChecked),
    notChecked: groupNotChecked(notChecked.map((c) => (c.family === familyOf(c.dataset) ? withoutFamily(c) : c))),
    releases,
  };
}

/** The edits without the REFDATA_UNAVAILABLE warns that restate `notChecked` exactly (editsOf writes them back first). */
function withoutDerivedGaps<E extends Edit | EditFacts>(edits: readonly E[], notChecked: readonly NotChecked[]): readonly E[] {
  const gaps = gapEditsOf(notChecked);
  const n = gaps.length;
  // validateClaim puts them first; anything else (a line number the claim repeats) keeps them as they are.
  const derived = n > 0 && gaps.every((g, i) => i < edits.length && same(g, edits[i])) && !edits.slice(n).some(isGap);
  return derived ? edits.slice(n) : edits;
}

/** The edit by its facts when a rule wrote it from them and they render back to it field for field, else whole. */
function compactEdit(edit: Edit): Edit | EditFacts {
  const facts = factsOf(edit);
  return facts && same(renderEdit(facts), edit) ? facts : edit;
}

function withoutFamily(c: NotChecked): SingleNotChecked {
  const { family: _family, ...rest } = c;
  void _family;
  return rest;
}

/**
 * The edits of the findings whole, each written from its facts where named by them, the REFDATA_UNAVAILABLE warns
 * of `notChecked` first as validateClaim has them; unless the findings carry some already (findings as an earlier
 * build wrote them, or kept by findingsOf).
 */
export function editsOf({ edits, notChecked }: { edits: ValidationFindings['edits']; notChecked: readonly NotChecked[] }): readonly Edit[] {
  const whole = withStatedNotes(edits, notChecked).map((e) => (isFacts(e) ? renderEdit(e) : e));
  const gaps = addedGaps(edits, notChecked, gapEditsOf);
  return gaps.length ? [...gaps, ...whole] : whole;
}

/** The REFDATA_UNAVAILABLE warns editsOf puts first (as `write` writes them): those of `notChecked`, unless the edits carry some already. */
function addedGaps<G>(
  edits: ValidationFindings['edits'],
  notChecked: readonly NotChecked[],
  write: (n: readonly NotChecked[]) => G[],
): G[] {
  return !notChecked.length || edits.some(isGap) ? [] : write(notChecked);
}

/**
 * The edits of the findings as editsOf gives them, each only as far as its code, severity and lines (what the
 * ledger's list facets and the payer-outcome view read), without writing any edit's prose.
 */
export function editFactsOf(findings: Pick<ValidationFindings, 'edits' | 'notChecked'>): readonly LineEdit[] {
  return withGapFacts(findings.edits, notCheckedOfFindings(findings.notChecked));
}

function withGapFacts(edits: ValidationFindings['edits'], notChecked: readonly NotChecked[]): readonly LineEdit[] {
  const gaps = addedGaps(edits, notChecked, gapEditFactsOf);
  return gaps.length ? [...gaps, ...edits] : edits;
}

/** The whole result of validating `claim` from its findings: validateClaim's own result, field for field. */
export function completeValidation(claim: Claim, findings: ValidationFindings): ValidationResult {
  const { releases } = findings;
  const notChecked = notCheckedOfFindings(findings.notChecked);
  const edits = editsOf({ edits: findings.edits, notChecked });
  const lines = lineResults(claim, edits, notChecked);
  const command = refreshCommand(notChecked);
  return {
    claimId: claim.claimId,
    outcome: claimOutcome(lines, edits, notChecked),
    notChecked,
    ...(command ? { refreshCommand: command } : {}),
    edits,
    lines,
    correctedClaim: correctedClaim(claim, edits),
    releases,
  };
}

/**
 * What completeValidation gives that needs no claim: the outcome, the refresh command, notChecked and each edit whole,
 * but each fact once: without the REFDATA_UNAVAILABLE warns that only restate a notChecked entry, and without an edit
 * source's release notes that the notChecked entry of its release states (completeValidation writes both back).
 */
export type ClaimlessValidation = Pick<ValidationResult, 'outcome' | 'edits' | 'notChecked' | 'refreshCommand' | 'releases'>;

/**
 * The findings without the claim they are of (an owner's ClaimResult.v2): completeValidation's outcome, notChecked,
 * refreshCommand and releases, field for field, and its edits less what notChecked states (completing these
 * findings gives the whole result back). The outcome needs no lines: a line is denied exactly when a deny edit
 * names it (lineResults), and any deny edit makes the claim denied (claimOutcome).
 */
export function claimlessValidation(findings: ValidationFindings): ClaimlessValidation {
  const notChecked = notCheckedOfFindings(findings.notChecked);
  const edits = editsOf({ edits: findings.edits, notChecked });
  const command = refreshCommand(notChecked);
  return {
    outcome: claimOutcome([], edits, notChecked),
    notChecked,
    ...(command ? { refreshCommand: command } : {}),
    edits: withoutStatedNotes(withoutDerivedGaps(edits, notChecked), notChecked),
    releases: findings.releases,
  };
}

/**
 * What pricing needs of the findings: each line's result with its edits as far as code, severity and lines (which
 * edits deny it), without the rest of the result and without writing any edit's prose (editFactsOf). Writing every
 * edit whole first took 4.8 us a demo claim, 2.1 us without (in-process, warm, the demo scenarios' findings).
 */
export function validationInputOf(
  claim: LinesOfClaim,
  findings: ValidationFindings,
): ValidationInput & { lines: LineResultOf<LineEdit>[] } {
  const notChecked = notCheckedOfFindings(findings.notChecked);
  return { lines: lineResults(claim, withGapFacts(findings.edits, notChecked), notChecked) };
}
