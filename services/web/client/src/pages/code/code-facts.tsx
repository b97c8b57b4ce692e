import { maiLabel, MUE_INDICATORS, type MueEntry, type Sourced } from '@claimflow/domain';
import type { CodeView } from '../../../../src/code-lookup/code-view.types';
import { Link } from '../../router';
import { absentText } from './sourced';

function mueText(s: Sourced<MueEntry | null>): string {
  if (s.release === null || !s.value) return absentText(s, 'no MUE');
  return `${s.value.value} unit${s.value.value === 1 ? '' : 's'} · ${maiLabel(s.value.mai)}, ${MUE_INDICATORS[s.value.mai].scope}`;
}

/** The code's indicators at a glance: add-on status, global period, PC/TC, MUEs. */
export function CodeFacts({ view }: { view: CodeView }) {
  const addon = view.addon.release === null ? null : view.addon.value;
  return (
    <section aria-labelledby="facts-title" className="panel">
      <h2 id="facts-title">At a glance</h2>
      <dl className="facts">
        <div>
          <dt>Add-on code</dt>
          <dd>{addon ? `Yes (type ${addon.type}), release ${view.addon.release}` : absentText(view.addon, 'No')}</dd>
        </div>
        <div>
          <dt>Payment status</dt>
          <dd>
            {view.status
              ? `${view.status.value}: ${view.status.meaning} (${view.feeScheduleRelease})`
              : `not in ${view.feeScheduleRelease ?? 'any fee schedule loaded'}`}
          </dd>
        </div>
        <div>
          <dt>Global period</dt>
          <dd>{view.globalDays ? `${view.globalDays.value}: ${view.globalDays.meaning}` : 'n/a'}</dd>
        </div>
        <div>
          <dt>PC/TC indicator</dt>
          <dd>{view.pctc ? `${view.pctc.value}: ${view.pctc.meaning}` : 'n/a'}</dd>
        </div>
        <div>
          <dt>MUE, practitioner</dt>
          <dd>{mueText(view.mue.practitioner)}</dd>
        </div>
        <div>
          <dt>MUE, outpatient hospital</dt>
          <dd>{mueText(view.mue.hospital)}</dd>
        </div>
      </dl>
      {addon ? (
        <div className="primaries">
          <h3>Primary codes it is billed with</h3>
          {addon.primaries.length ? (
            <ul className="chips">
              {addon.primaries.map((p) => (
                <li key={p}>
                  <Link to={`/codes/${p}`}>{p}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>CMS lists no primary codes: your MAC decides.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
