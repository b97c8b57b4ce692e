import { FieldErrors } from './field';
import type { ReportForm } from './report-form';

/** Whether the denial was appealed, and if so at which level and with what outcome. */
export function AppealFields({
  form,
  update,
  errors,
}: {
  form: ReportForm;
  update: (patch: Partial<ReportForm>) => void;
  errors: readonly string[];
}) {
  return (
    <fieldset>
      <legend>Did you appeal?</legend>
      <FieldErrors id="appeal-errors" errors={errors} />
      <label>
        <input type="radio" name="appeal" id="appealFiled" checked={!form.appealFiled} onChange={() => update({ appealFiled: false })} /> No
      </label>
      <label>
        <input type="radio" name="appeal" checked={form.appealFiled} onChange={() => update({ appealFiled: true })} /> Yes
      </label>
      {form.appealFiled ? (
        <div className="grid">
          <label>
            Appeal level
            <select value={form.appealLevel} onChange={(e) => update({ appealLevel: e.target.value })}>
              {['1', '2', '3', '4', '5'].map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <label>
            Outcome
            <select value={form.appealOutcome} onChange={(e) => update({ appealOutcome: e.target.value as ReportForm['appealOutcome'] })}>
              <option value="pending">Pending</option>
              <option value="overturned">Overturned</option>
              <option value="upheld">Upheld</option>
            </select>
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
