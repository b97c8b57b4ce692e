import { inWords, type ClaimInput } from '@claimflow/domain';
import { money } from '../../format';
import { CLAIM_WIDE, EditItem, LineCard } from './line-card';
import type { ClaimView } from './check-claim';
import { NotCheckedBox } from './not-checked';

function changes(
  before: readonly { lineNumber: number; code: string; modifiers: readonly string[]; units: number }[],
  after: ClaimInput,
): string[] {
  const out: string[] = [];
  for (const b of before) {
    const a = after.lines.find((l) => l.lineNumber === b.lineNumber);
    if (!a) out.push(`Line ${b.lineNumber} (${b.code}) removed.`);
    else {
      if (a.code !== b.code) out.push(`Line ${b.lineNumber}: ${b.code} replaced by ${a.code}.`);
      if (a.modifiers.join(',') !== b.modifiers.join(','))
        out.push(`Line ${b.lineNumber}: modifiers ${b.modifiers.join(', ') || 'none'} → ${a.modifiers.join(', ') || 'none'}.`);
      if (a.units !== b.units) out.push(`Line ${b.lineNumber}: units ${b.units} → ${a.units}.`);
    }
  }
  return out;
}

const SUMMARY_CLASS = { clean: 'summary-good', denied: 'summary-bad', incomplete: 'summary-warn' } as const;

function lineCount(denied: number, lines: number): string {
  if (lines === 1) return denied ? 'The line would be denied.' : 'The line passes the checks made.';
  return denied ? `${denied} of ${lines} lines would be denied.` : `All ${lines} lines pass the checks made.`;
}

/** Every line's edits, the payment per line and in total, and the corrected claim we propose. */
export function CheckResult({
  claim,
  heading,
  idPrefix,
  onRecheck,
}: {
  claim: ClaimView;
  heading: string;
  idPrefix: string;
  onRecheck: (text: string) => void;
}) {
  const validation = claim.result.validation;
  const pricing = claim.result.pricing;
  const priced = pricing?.kind === 'priced' ? pricing : undefined;
  const denied = validation.lines.filter((l) => l.denied).length;
  const families = new Map(validation.notChecked.map((n) => [n.dataset as string, n.family]));
  const diff = changes(validation.lines, validation.correctedClaim);
  const corrected = JSON.stringify(validation.correctedClaim, null, 2);
  // The not-checked box says in words what these notes say; they stay only for an answer without that list.
  const claimWide = validation.notChecked?.length
    ? []
    : validation.edits.filter((e, i, all) => CLAIM_WIDE.has(e.code) && all.findIndex((o) => o.message === e.message) === i);
  return (
    <section aria-labelledby={`${idPrefix}-title`} className="panel result">
      <h2 id={`${idPrefix}-title`}>{heading}</h2>
      {validation.outcome === 'incomplete' ? <NotCheckedBox validation={validation} id={`${idPrefix}-not-checked`} /> : null}
      <p className={SUMMARY_CLASS[validation.outcome]} role="status">
        {validation.outcome === 'incomplete' ? 'Not fully checked. ' : ''}
        {lineCount(denied, validation.lines.length)}{' '}
        {priced
          ? `Total allowed ${money(priced.totals.allowed)}: Medicare pays ${money(priced.totals.medicarePayment)}, the patient ${money(priced.totals.coinsurance)}.`
          : ''}
      </p>
      {validation.outcome === 'denied' ? <NotCheckedBox validation={validation} id={`${idPrefix}-not-checked`} /> : null}
      {pricing?.kind === 'failed' ? <p className="state state-error">Pricing failed: {inWords(pricing.message)}</p> : null}
      {claimWide.length ? (
        <details className="claim-notes">
          <summary>
            {claimWide.length} note{claimWide.length === 1 ? '' : 's'} on the reference data used for every line
          </summary>
          <ul className="edits">
            {claimWide.map((e, i) => (
              <EditItem key={i} edit={e} />
            ))}
          </ul>
        </details>
      ) : null}
      <ol className="lines">
        {validation.lines.map((l) => (
          <LineCard
            key={l.lineNumber}
            idPrefix={idPrefix}
            families={families}
            line={l}
            priced={priced?.lines.find((p) => p.lineNumber === l.lineNumber)}
          />
        ))}
      </ol>
      <h3>Proposed corrected claim</h3>
      {diff.length ? (
        <ul className="changes">
          {diff.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">No automatic corrections: the claim stands as sent (or needs your judgement, see the fixes above).</p>
      )}
      <details>
        <summary>Corrected claim as JSON</summary>
        <pre className="json" tabIndex={0}>
          {corrected}
        </pre>
      </details>
      <div className="row">
        <button type="button" className="button secondary" onClick={() => void navigator.clipboard?.writeText(corrected)}>
          Copy corrected claim
        </button>
        <button type="button" className="button secondary" onClick={() => onRecheck(corrected)}>
          Check the corrected claim
        </button>
      </div>
      <p className="hint">
        Reference data: {[...new Set([...validation.releases, ...(priced?.releases ?? [])])].join(', ')}
        {priced?.notes.length ? ` · ${priced.notes.map(inWords).join(' · ')}` : ''}
      </p>
    </section>
  );
}
