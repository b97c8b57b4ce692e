import type { ClaimInput } from '@claimflow/domain';

export interface FormLine {
  code: string;
  modifiers: string;
  units: string;
  charge: string;
}

export interface ClaimFormState {
  dateOfService: string;
  placeOfService: string;
  zip: string;
  lines: FormLine[];
}

export const EMPTY_LINE: FormLine = { code: '', modifiers: '', units: '1', charge: '' };
export const INITIAL_FORM: ClaimFormState = { dateOfService: '2025-03-10', placeOfService: '11', zip: '', lines: [{ ...EMPTY_LINE }] };

const POS = [
  ['11', 'Office'],
  ['22', 'Outpatient hospital (on campus)'],
  ['19', 'Outpatient hospital (off campus)'],
  ['24', 'Ambulatory surgical center'],
  ['21', 'Inpatient hospital'],
] as const;

/** The small form's lines as a canonical claim (ingest assigns the claim id); a fresh submitter id per check. */
export function claimFromForm(f: ClaimFormState): Omit<ClaimInput, 'claimId'> {
  return {
    submitterClaimId: `WEB-${Date.now().toString(36).toUpperCase()}`,
    placeOfService: f.placeOfService,
    payer: { type: 'medicare-part-b' },
    billingProvider: { npi: '1234567893', ...(f.zip ? { zip: f.zip } : {}) },
    lines: f.lines.map((l, i) => ({
      lineNumber: i + 1,
      code: l.code.trim().toUpperCase(),
      modifiers: l.modifiers
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((m) => m.toUpperCase()),
      units: Number(l.units) || 1,
      ...(l.charge ? { charge: Number(l.charge) } : {}),
      dateOfService: f.dateOfService,
    })),
  };
}

export function ClaimForm({ form, onForm }: { form: ClaimFormState; onForm: (f: ClaimFormState) => void }) {
  const setLine = (i: number, patch: Partial<FormLine>) =>
    onForm({ ...form, lines: form.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <div className="claim-form">
      <div className="controls">
        <label>
          Date of service
          <input type="date" value={form.dateOfService} onChange={(e) => onForm({ ...form, dateOfService: e.target.value })} required />
        </label>
        <label>
          Place of service
          <select value={form.placeOfService} onChange={(e) => onForm({ ...form, placeOfService: e.target.value })}>
            {POS.map(([v, name]) => (
              <option key={v} value={v}>
                {v} · {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Practice ZIP (optional)
          <input inputMode="numeric" maxLength={5} value={form.zip} onChange={(e) => onForm({ ...form, zip: e.target.value.trim() })} />
        </label>
      </div>
      <fieldset>
        <legend>Lines</legend>
        {form.lines.map((l, i) => (
          <div className="line-row" key={i}>
            <label>
              Line {i + 1} code
              <input value={l.code} maxLength={5} onChange={(e) => setLine(i, { code: e.target.value })} required />
            </label>
            <label>
              Modifiers
              <input value={l.modifiers} placeholder="e.g. 26, XS" onChange={(e) => setLine(i, { modifiers: e.target.value })} />
            </label>
            <label>
              Units
              <input type="number" min={1} max={999} value={l.units} onChange={(e) => setLine(i, { units: e.target.value })} />
            </label>
            <label>
              Charge ($)
              <input type="number" min={0} step="0.01" value={l.charge} onChange={(e) => setLine(i, { charge: e.target.value })} />
            </label>
            {form.lines.length > 1 ? (
              <button
                type="button"
                className="button link"
                onClick={() => onForm({ ...form, lines: form.lines.filter((_, j) => j !== i) })}
                aria-label={`Remove line ${i + 1}`}
              >
                Remove
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => onForm({ ...form, lines: [...form.lines, { ...EMPTY_LINE }] })}
          disabled={form.lines.length >= 50}
        >
          Add a line
        </button>
      </fieldset>
    </div>
  );
}
