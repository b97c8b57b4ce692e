import { CLAIMFLOW_EDIT_CODES, MAC_JURISDICTIONS, US_STATES } from '@claimflow/domain';
import { AppealFields } from './appeal-fields';
import { BilledCodes } from './billed-codes';
import { EDIT_NAMES } from '@claimflow/domain';
import { Field, FieldErrors } from './field';
import type { ReportForm } from './report-form';

export interface FieldsProps {
  readonly form: ReportForm;
  readonly update: (patch: Partial<ReportForm>) => void;
  readonly errorsFor: (id: string) => string[];
}

/** The report's inputs: codes billed, where and who paid, the reasons, what happened and what worked. */
export function ReportFields({ form, update, errorsFor }: FieldsProps) {
  return (
    <>
      <BilledCodes rows={form.billed} onRows={(billed) => update({ billed })} errorsFor={errorsFor} />
      <div className="grid">
        <Field id="deniedCode" label="Denied code" errors={errorsFor('deniedCode')}>
          {(a) => <input {...a} value={form.deniedCode} maxLength={5} onChange={(e) => update({ deniedCode: e.target.value })} />}
        </Field>
        <Field
          id="placeOfService"
          label="Place of service"
          hint="Two digits, e.g. 11 office, 22 outpatient hospital"
          errors={errorsFor('placeOfService')}
        >
          {(a) => (
            <input
              {...a}
              value={form.placeOfService}
              maxLength={2}
              inputMode="numeric"
              onChange={(e) => update({ placeOfService: e.target.value })}
            />
          )}
        </Field>
        <Field id="payerType" label="Payer" errors={errorsFor('payerType')}>
          {(a) => (
            <select {...a} value={form.payerType} onChange={(e) => update({ payerType: e.target.value as ReportForm['payerType'] })}>
              <option value="medicare-part-b">Medicare Part B</option>
              <option value="medicare-advantage">Medicare Advantage</option>
              <option value="medicaid">Medicaid</option>
              <option value="commercial">Commercial</option>
            </select>
          )}
        </Field>
        {form.payerType === 'medicare-part-b' ? (
          <Field id="mac" label="MAC jurisdiction" errors={errorsFor('mac')}>
            {(a) => (
              <select {...a} value={form.mac} onChange={(e) => update({ mac: e.target.value })}>
                <option value="">Choose…</option>
                {MAC_JURISDICTIONS.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id="state" label="State" errors={errorsFor('state')}>
          {(a) => (
            <select {...a} value={form.state} onChange={(e) => update({ state: e.target.value })}>
              <option value="">Choose…</option>
              {US_STATES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="denialMonth" label="Month of the denial" hint="Month only, never the day" errors={errorsFor('denialMonth')}>
          {(a) => <input {...a} type="month" value={form.denialMonth} onChange={(e) => update({ denialMonth: e.target.value })} />}
        </Field>
        <Field
          id="carc"
          label="Reason codes (CARC)"
          hint="Group and code, e.g. CO-97; separate several with commas"
          errors={errorsFor('carc')}
        >
          {(a) => <input {...a} value={form.carc} onChange={(e) => update({ carc: e.target.value })} />}
        </Field>
        <Field id="rarc" label="Remark codes (RARC, optional)" hint="e.g. N130" errors={errorsFor('rarc')}>
          {(a) => <input {...a} value={form.rarc} onChange={(e) => update({ rarc: e.target.value })} />}
        </Field>
      </div>
      <Field
        id="whatHappened"
        label="What happened (optional)"
        hint="No names, IDs, dates or other personal details"
        errors={errorsFor('whatHappened')}
      >
        {(a) => <textarea {...a} rows={3} value={form.whatHappened} onChange={(e) => update({ whatHappened: e.target.value })} />}
      </Field>
      <AppealFields form={form} update={update} errors={errorsFor('appealFiled')} />
      <Field
        id="whatWorked"
        label="What worked (optional)"
        hint="Shown to other billers once enough reports agree"
        errors={errorsFor('whatWorked')}
      >
        {(a) => <textarea {...a} rows={3} value={form.whatWorked} onChange={(e) => update({ whatWorked: e.target.value })} />}
      </Field>
      <fieldset id="edits">
        <legend>ClaimFlow edits that foresaw it (optional)</legend>
        <FieldErrors id="edits-errors" errors={errorsFor('edits')} />
        <div className="checks">
          {CLAIMFLOW_EDIT_CODES.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={form.edits.includes(c)}
                onChange={(e) => update({ edits: e.target.checked ? [...form.edits, c] : form.edits.filter((x) => x !== c) })}
              />{' '}
              {EDIT_NAMES[c]} <code className="edit-code">{c}</code>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
