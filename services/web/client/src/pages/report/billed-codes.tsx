import type { BilledRow } from './report-form';

/** The codes billed on the denied claim (no dates, no patient, no amounts). */
export function BilledCodes({
  rows,
  onRows,
  errorsFor,
}: {
  rows: BilledRow[];
  onRows: (r: BilledRow[]) => void;
  errorsFor: (id: string) => string[];
}) {
  const set = (i: number, patch: Partial<BilledRow>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>Codes billed on the claim</legend>
      {rows.map((r, i) => {
        const errs = [...errorsFor(`billed-${i}-code`), ...errorsFor(`billed-${i}-modifiers`), ...errorsFor(`billed-${i}-units`)];
        return (
          <div key={i} className="line-row">
            <label>
              Billed code {i + 1}
              <input
                id={`billed-${i}-code`}
                value={r.code}
                maxLength={5}
                onChange={(e) => set(i, { code: e.target.value })}
                aria-invalid={errs.length ? true : undefined}
                aria-describedby={errs.length ? `billed-${i}-errors` : undefined}
              />
            </label>
            <label>
              Modifiers
              <input
                id={`billed-${i}-modifiers`}
                value={r.modifiers}
                placeholder="e.g. 26"
                onChange={(e) => set(i, { modifiers: e.target.value })}
              />
            </label>
            <label>
              Units
              <input
                id={`billed-${i}-units`}
                type="number"
                min={1}
                max={999}
                value={r.units}
                onChange={(e) => set(i, { units: e.target.value })}
              />
            </label>
            {rows.length > 1 ? (
              <button
                type="button"
                className="button link"
                aria-label={`Remove billed code ${i + 1}`}
                onClick={() => onRows(rows.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            ) : null}
            {errs.length ? (
              <ul id={`billed-${i}-errors`} className="field-error full">
                {errs.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        className="button secondary"
        disabled={rows.length >= 50}
        onClick={() => onRows([...rows, { code: '', modifiers: '', units: '1' }])}
      >
        Add a billed code
      </button>
    </fieldset>
  );
}
