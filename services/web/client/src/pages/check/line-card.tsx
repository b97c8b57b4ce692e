import { inWords, type Edit, type LineResult } from '@claimflow/domain';
import type { ClaimPricedV1 } from '@claimflow/contracts';
import { money } from '../../format';
import { Link } from '../../router';

type PricedLine = Extract<ClaimPricedV1['pricing'], { kind: 'priced' }>['lines'][number];

/** The pricer's line status in a biller's words. */
const PAY_STATUS: Readonly<Record<PricedLine['status'], string>> = {
  priced: 'Payable',
  denied: 'Denied',
  'not-payable': 'Not payable',
  'no-price': 'No price',
};
const SEVERITY = { deny: 'Denied', warn: 'Warning', info: 'Note' } as const;
const ORDER = { deny: 0, warn: 1, info: 2 } as const;
/** Said once for the whole claim (see CheckResult), not on every line. */
export const CLAIM_WIDE = new Set(['REFDATA_UNAVAILABLE']);

export function EditItem({ edit }: { edit: Edit }) {
  return (
    <li className={`edit edit-${edit.severity}`}>
      <p>
        <span className={`badge badge-${edit.severity}`}>{SEVERITY[edit.severity]}</span> <code className="edit-code">{edit.code}</code>
      </p>
      <p className="reason">{inWords(edit.message)}</p>
      <p className="fix">
        <strong>Fix:</strong> {inWords(edit.fix.detail)}
        {edit.fix.automatic ? ' (applied to the corrected claim below)' : ' (needs your judgement; not applied automatically)'}
      </p>
      <p className="hint">
        Source: {edit.source.release}
        {edit.source.modifierIndicator ? ` · modifier indicator ${edit.source.modifierIndicator}` : ''}
        {edit.source.adjudicationIndicator ? ` · MAI ${edit.source.adjudicationIndicator}` : ''}
      </p>
    </li>
  );
}

/** One line: what was billed, what it pays, and each edit with its reason and fix. */
export function LineCard({
  line,
  priced,
  idPrefix,
  families,
}: {
  line: LineResult;
  priced: PricedLine | undefined;
  idPrefix: string;
  /** The claim's not-checked families in words, by dataset. */
  families: ReadonlyMap<string, string>;
}) {
  const notChecked = line.notChecked ?? [];
  const edits = line.edits.filter((e) => !CLAIM_WIDE.has(e.code)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const state = line.denied ? 'denied' : line.outcome === 'incomplete' || edits.some((e) => e.severity === 'warn') ? 'warn' : 'clean';
  return (
    <li className={`line-card line-${state}`} aria-labelledby={`${idPrefix}-line-${line.lineNumber}`}>
      <div className="line-head">
        <h3 id={`${idPrefix}-line-${line.lineNumber}`}>
          Line {line.lineNumber}: <Link to={`/codes/${line.code}`}>{line.code}</Link>
          {line.modifiers.length ? `-${line.modifiers.join('-')}` : ''} × {line.units}
        </h3>
        <p className="line-pay">
          {line.denied ? (
            <span className="badge badge-deny">Denied</span>
          ) : line.outcome === 'incomplete' ? (
            <span className="badge badge-warn">Not fully checked</span>
          ) : (
            <span className="badge badge-ok">{priced ? PAY_STATUS[priced.status] : 'Checked'}</span>
          )}{' '}
          <span>Allowed {money(priced?.allowed)}</span>
        </p>
      </div>
      {priced?.reason ? <p className="hint">{priced.reason}</p> : null}
      {line.outcome === 'incomplete' ? (
        <p className="hint">
          Not checked against the rules in force: {notChecked.map((d) => families.get(d) ?? d).join('; ')}. No edit here proves nothing for
          those.
        </p>
      ) : null}
      {edits.length === 0 ? (
        <p className="hint">
          {line.outcome === 'incomplete' ? 'No edits from the checks made.' : 'No edits: nothing in our rules stops this line.'}
        </p>
      ) : (
        <ul className="edits">
          {edits.map((e, i) => (
            <EditItem key={`${e.code}-${i}`} edit={e} />
          ))}
        </ul>
      )}
    </li>
  );
}
