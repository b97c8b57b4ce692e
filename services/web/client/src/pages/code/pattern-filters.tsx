import { FEEDBACK_PAYER_TYPES, US_STATES } from '@claimflow/domain';

/** One filter at a time (payer, state or year): the views the feedback service publishes. */
export interface PatternFilter {
  readonly payerType: string;
  readonly state: string;
  readonly year: string;
}

export const NO_FILTER: PatternFilter = { payerType: '', state: '', year: '' };

const YEARS = Array.from({ length: 4 }, (_, i) => String(new Date().getUTCFullYear() - i));

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

/** Narrow the patterns by payer, state or year, one at a time; choosing one clears the others. */
export function PatternFilters({ value, onChange }: { value: PatternFilter; onChange: (f: PatternFilter) => void }) {
  const set = (key: keyof PatternFilter) => (e: { target: { value: string } }) => onChange({ ...NO_FILTER, [key]: e.target.value });
  return (
    <fieldset className="pattern-filters">
      <legend>Filter the reports (one at a time)</legend>
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
        Period
        <select value={value.year} onChange={set('year')} data-testid="filter-year">
          <option value="">All time</option>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
