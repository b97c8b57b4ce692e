import { useState, type FormEvent } from 'react';
import { CLAIM_LIFECYCLE_STATUSES, CLAIMFLOW_EDIT_CODES } from '@claimflow/domain';
import { EDIT_NAMES } from '@claimflow/domain';
import { NO_FILTERS, PAGE_SIZES, type WorklistFilters } from './worklist-query';

export const statusWord = (status: string): string => status[0].toUpperCase() + status.slice(1);

function Choices<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  label: (o: T) => string;
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
}) {
  const toggle = (o: T, on: boolean) => props.onChange(on ? [...props.chosen, o] : props.chosen.filter((c) => c !== o));
  return (
    <fieldset className="choices">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="choice">
          <input type="checkbox" name={props.name} checked={props.chosen.includes(o)} onChange={(e) => toggle(o, e.target.checked)} />{' '}
          {props.label(o)}
        </label>
      ))}
    </fieldset>
  );
}

/** The list's filters, applied together when the biller asks (not on every keystroke). */
export function ClaimFilters(props: {
  applied: WorklistFilters;
  pageSize: number;
  onApply: (f: WorklistFilters, pageSize: number) => void;
}) {
  const [draft, setDraft] = useState(props.applied);
  const [size, setSize] = useState(props.pageSize);
  const set =
    <K extends keyof WorklistFilters>(k: K) =>
    (v: WorklistFilters[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));
  const text = (k: 'receivedFrom' | 'receivedTo' | 'serviceFrom' | 'serviceTo' | 'submitterClaimId') => ({
    value: draft[k],
    onChange: (e: { target: { value: string } }) => set(k)(e.target.value),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onApply(draft, size);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    props.onApply(NO_FILTERS, size);
  };
  return (
    <form className="panel claim-filters" onSubmit={submit} aria-label="Filter your claims">
      <Choices
        legend="Status"
        name="status"
        options={CLAIM_LIFECYCLE_STATUSES}
        label={statusWord}
        chosen={draft.statuses}
        onChange={set('statuses')}
      />
      <div className="filter-row">
        <label>
          Received from <input type="date" {...text('receivedFrom')} />
        </label>
        <label>
          Received to <input type="date" {...text('receivedTo')} />
        </label>
        <label>
          Service from <input type="date" {...text('serviceFrom')} />
        </label>
        <label>
          Service to <input type="date" {...text('serviceTo')} />
        </label>
      </div>
      <div className="filter-row">
        <label>
          Claim number <input type="text" maxLength={38} autoComplete="off" {...text('submitterClaimId')} />
        </label>
        <label>
          Prediction
          <select value={draft.denied} onChange={(e) => set('denied')(e.target.value as WorklistFilters['denied'])}>
            <option value="">Any</option>
            <option value="true">A line predicted denied</option>
            <option value="false">Checked, none denied</option>
          </select>
        </label>
        <label>
          Payer answer
          <select value={draft.payerOutcome} onChange={(e) => set('payerOutcome')(e.target.value as WorklistFilters['payerOutcome'])}>
            <option value="">Any</option>
            <option value="true">Payer answered (835)</option>
            <option value="false">No payer answer yet</option>
          </select>
        </label>
        <label>
          Claims per page
          <select value={size} onChange={(e) => setSize(Number(e.target.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <details className="edit-choices">
        <summary>Edits ClaimFlow reported{draft.editCodes.length ? ` (${draft.editCodes.length} chosen)` : ''}</summary>
        <Choices
          legend="Any of these edits"
          name="editCode"
          options={CLAIMFLOW_EDIT_CODES}
          label={(c) => EDIT_NAMES[c]}
          chosen={draft.editCodes}
          onChange={set('editCodes')}
        />
      </details>
      <div className="filter-actions">
        <button type="submit" className="button">
          Show claims
        </button>
        <button type="button" className="button secondary" onClick={clear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
