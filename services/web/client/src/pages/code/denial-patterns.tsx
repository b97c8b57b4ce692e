import { useState } from 'react';
import type { DenialPatternsAnswer, DimensionView } from '@claimflow/domain';
import { useJson } from '../../api';
import { ErrorState, Loading } from '../../components/states';
import { percent } from '../../format';
import { Link } from '../../router';
import { filterQuery, NO_FILTER, PatternFilters, type PatternFilter } from './pattern-filters';

const LABELS: Readonly<Record<string, string>> = {
  'medicare-part-b': 'Medicare Part B',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
};

function Dimension({ title, d }: { title: string; d: DimensionView }) {
  return (
    <div className="dimension">
      <h3>{title}</h3>
      {d.items.length === 0 ? (
        <p className="hint">{d.suppressed ? 'Hidden: too few reports to show safely.' : 'None reported.'}</p>
      ) : (
        <ul>
          {d.items.map((i) => (
            <li key={i.value}>
              <strong>{LABELS[i.value] ?? i.value}</strong>: {i.reports} reports ({percent(i.share)})
            </li>
          ))}
          {d.suppressed ? <li className="hint">Other values hidden: too few billers to show safely.</li> : null}
        </ul>
      )}
    </div>
  );
}

/** Crowd-sourced denials for the code, or how many more reports are needed before any show. */
export function DenialPatterns({ code }: { code: string }) {
  const [filter, setFilter] = useState<PatternFilter>(NO_FILTER);
  const answer = useJson<DenialPatternsAnswer>(`/api/feedback/v1/codes/${encodeURIComponent(code)}/denial-patterns${filterQuery(filter)}`);
  return (
    <section aria-labelledby="patterns-title" className="panel" data-testid="denial-patterns">
      <h2 id="patterns-title">Denial patterns reported by billers</h2>
      <PatternFilters value={filter} onChange={setFilter} />
      {answer.state === 'loading' ? <Loading what="denial patterns" /> : null}
      {answer.state === 'error' ? (
        <ErrorState error={answer.error} title="Denial patterns are unavailable right now." retry={answer.reload} />
      ) : null}
      {answer.state === 'ok' && answer.data.status === 'insufficient' ? (
        <p className="state state-empty">
          No patterns yet for {code}: not enough reports to show patterns yet. <Link to={`/report?code=${code}`}>Report a denial</Link>
        </p>
      ) : null}
      {answer.state === 'ok' ? (
        <p className="guarantee hint" data-testid="guarantee">
          {answer.data.guarantee}
        </p>
      ) : null}
      {answer.state === 'ok' && answer.data.status === 'ok' ? (
        <div className="patterns">
          <p className="pattern-total">
            <strong>About {answer.data.reports} reports</strong> of denials for {code} (counts rounded to a multiple of{' '}
            {answer.data.rounding}).
            {answer.data.appeals.appealRate !== null ? ` Appealed: ${percent(answer.data.appeals.appealRate)}.` : ''}
            {answer.data.appeals.overturnRate !== null ? ` Overturned on appeal: ${percent(answer.data.appeals.overturnRate)}.` : ''}
          </p>
          <div className="dimensions">
            <Dimension title="Reason codes (CARC)" d={answer.data.denialReasons.carc} />
            <Dimension title="Remark codes (RARC)" d={answer.data.denialReasons.rarc} />
            <Dimension title="Payers" d={answer.data.payerTypes} />
            <Dimension title="Billed with" d={answer.data.coBilledCodes} />
            <Dimension title="ClaimFlow edits that foresaw it" d={answer.data.claimflowEdits} />
          </div>
          {answer.data.strategies.length ? (
            <div className="strategies">
              <h3>What worked</h3>
              <ul>
                {answer.data.strategies.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
