import { FEEDBACK_PAYER_TYPES, US_STATES } from '@claimflow/domain';

export interface PatternFilter {
  readonly payerType: string;
  readonly state: string;
  readonly from: string;
  readonly to: string;
}

export const NO_FILTER: PatternFilter = { payerType: '', state: '', from: '', to: '' };

const PAYERS: Readonly<Record<string, string>> = {
  'medicare-part-b': 'Medicare Part B',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
};

/** The query string of a filter: only the fields that are set, so the unfiltered view stays cacheable. */
export function filterQuery(f: PatternFilter): string {
  const params = new URLSearchParams(Object.entries(f).filter(([, v]) => v !== ''));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Narrow the patterns by payer, state and months; the server answers with the threshold if that isolates too few reports. */
export function PatternFilters({ value, onChange }: { value: PatternFilter; onChange: (f: PatternFilter) => void }) {
  const set = (key: keyof PatternFilter) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <fieldset className="pattern-filters">
      <legend>Filter the reports</legend>
      <label>
        Payer
        <select value={value.payerType} onChange={set('payerType')} data-testid="filter-payer">
          <option value="">All payers</option>
          {FEEDBACK_PAYER_TYPES.map((p) => (
            <option key={p} value={p}>
              {PAYERS[p] ?? p}
            </option>
          ))}
        </select>
      </label>
      <label>
        State
        <select value={value.state} onChange={set('state')} data-testid="filter-state">
          <option value="">All states</option>
          {US_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        From month
        <input type="month" value={value.from} onChange={set('from')} />
      </label>
      <label>
        To month
        <input type="month" value={value.to} onChange={set('to')} />
      </label>
    </fieldset>
  );
}
