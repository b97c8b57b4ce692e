import { money } from '../../format';
import type { BatchEntry, BatchOutcome, ClaimView } from './check-claim';
import { CheckResult } from './check-result';
import { FieldErrorList, RejectedClaim } from './rejected-claim';

const FORMAT_NAME = { json: 'JSON', x12: 'X12 837P', fhir: 'FHIR' } as const;

const deniedLines = (c: ClaimView) => c.result.validation.lines.filter((l) => l.denied).length;
const pricedTotals = (c: ClaimView) => (c.result.pricing.kind === 'priced' ? c.result.pricing.totals : undefined);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The sum of the claims' own totals as the pricer answered them, added in cents. */
function sumOf(claims: readonly ClaimView[], pick: (t: NonNullable<ReturnType<typeof pricedTotals>>) => number): number {
  return (
    claims.reduce((cents, c) => cents + Math.round(pick(pricedTotals(c) ?? { allowed: 0, medicarePayment: 0, coinsurance: 0 }) * 100), 0) /
    100
  );
}

function entryLine(e: BatchEntry): string {
  if (e.kind === 'rejected')
    return `${e.rejected.submitterClaimId ?? 'no claim number'}: not checked, ${plural(e.rejected.errors.length, 'error')}`;
  const validation = e.claim.result.validation;
  const denied = deniedLines(e.claim);
  const lines = validation.lines.length;
  const totals = pricedTotals(e.claim);
  const verdict = denied
    ? `${denied} of ${plural(lines, 'line')} denied`
    : validation.outcome === 'incomplete'
      ? 'not fully checked, no line denied'
      : `all ${plural(lines, 'line')} pass`;
  return `${e.claim.submitterClaimId}: ${verdict}${totals ? `, allowed ${money(totals.allowed)}` : ''}`;
}

/** Several claims in one file: how many, which could not be read, which have denials, the totals; then each claim. */
function Overview({ outcome }: { outcome: BatchOutcome }) {
  const checked = outcome.entries.flatMap((e) => (e.kind === 'checked' ? [e.claim] : []));
  const rejected = outcome.entries.length - checked.length;
  const count = (o: string) => checked.filter((c) => c.result.validation.outcome === o).length;
  const incomplete = count('incomplete');
  const parts = [
    `${count('denied')} with denied lines`,
    ...(incomplete ? [`${incomplete} not fully checked`] : []),
    `${count('clean')} clean`,
  ];
  return (
    <section aria-labelledby="batch-title" className="panel batch" data-testid="batch-overview">
      <h2 id="batch-title">
        {plural(outcome.entries.length, 'claim')} in this {FORMAT_NAME[outcome.format]} file
      </h2>
      <p className={rejected || count('denied') ? 'summary-bad' : incomplete ? 'summary-warn' : 'summary-good'} role="status">
        {plural(checked.length, 'claim')} checked ({parts.join(', ')}){rejected ? `, ${rejected} could not be read` : ''}.{' '}
        {checked.length
          ? `Total allowed for the checked claims ${money(sumOf(checked, (t) => t.allowed))}: Medicare pays ${money(sumOf(checked, (t) => t.medicarePayment))}, the patients ${money(sumOf(checked, (t) => t.coinsurance))}.`
          : ''}
      </p>
      <ol className="batch-list">
        {outcome.entries.map((e) => (
          <li key={e.position} className={e.kind === 'rejected' || deniedLines(e.claim) ? 'bad' : e.claim.result.validation.outcome}>
            <a href={`#claim-${e.position}-title`}>{entryLine(e)}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every claim the check answered, each with its edits or its errors, and the file's own problems first. */
export function BatchResult({ outcome, onRecheck }: { outcome: BatchOutcome; onRecheck: (text: string) => void }) {
  const several = outcome.entries.length > 1;
  const of = several ? ` of ${outcome.entries.length}` : '';
  return (
    <>
      {outcome.errors.length ? (
        <div className="state state-error" role="alert">
          <p>
            <strong>
              {outcome.entries.length
                ? 'Part of the file could not be read.'
                : `The file could not be read as ${FORMAT_NAME[outcome.format]}.`}
            </strong>{' '}
            Fix these and check again:
          </p>
          <FieldErrorList errors={outcome.errors} />
        </div>
      ) : null}
      {outcome.entries.length === 0 && outcome.errors.length === 0 ? (
        <p className="state state-empty">No claim was found in the file.</p>
      ) : null}
      {several ? <Overview outcome={outcome} /> : null}
      {outcome.entries.map((e) =>
        e.kind === 'checked' ? (
          <CheckResult
            key={e.position}
            claim={e.claim}
            heading={several ? `Claim ${e.position}${of}: ${e.claim.submitterClaimId}` : `Result for claim ${e.claim.submitterClaimId}`}
            idPrefix={`claim-${e.position}`}
            onRecheck={onRecheck}
          />
        ) : (
          <RejectedClaim
            key={e.position}
            rejected={e.rejected}
            heading={`Claim ${e.position}${of}: ${e.rejected.submitterClaimId ?? 'no claim number'}`}
            headingId={`claim-${e.position}-title`}
          />
        ),
      )}
    </>
  );
}
