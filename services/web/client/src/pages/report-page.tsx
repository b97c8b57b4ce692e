import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { DenialReportCreated } from '@claimflow/contracts';
import { CLAIMFLOW_EDIT_CODES, MAC_JURISDICTIONS, US_STATES, type ReportFieldError } from '@claimflow/domain';
import { ApiError, errorFrom, post, useJson } from '../api';
import { ErrorState } from '../components/states';
import { Link } from '../router';
import { BilledCodes } from './report/billed-codes';
import { Field } from './report/field';
import { checkReport, fieldOf, initialForm, toReport, type ReportForm } from './report/report-form';
import { useReporterSession } from './report/reporter-session';
import { ReporterSignIn } from './report/reporter-sign-in';

/** The anonymity promise, in the words of the feedback service itself. */
function Guarantee() {
  const status = useJson<{ guarantee: string }>('/api/feedback/v1/denial-patterns/publication');
  return status.state === 'ok' ? (
    <p className="guarantee" data-testid="guarantee">
      {status.data.guarantee}
    </p>
  ) : null;
}

type Sent =
  | { state: 'editing' }
  | { state: 'sending' }
  | { state: 'stored'; id: string; replayed: boolean; code: string }
  | { state: 'failed'; error: ApiError };

/** /report: an anonymous denial report from a signed-in reporter, checked here as the server checks it, then sent. */
export function ReportPage({ code }: { code: string }) {
  const session = useReporterSession();
  const [refused, setRefused] = useState(false);
  const [form, setForm] = useState<ReportForm>(() => initialForm(code.toUpperCase()));
  const [errors, setErrors] = useState<readonly ReportFieldError[]>([]);
  const [touched, setTouched] = useState(false);
  const [sent, setSent] = useState<Sent>({ state: 'editing' });
  const key = useRef(crypto.randomUUID());
  const summaryRef = useRef<HTMLDivElement>(null);
  const update = (patch: Partial<ReportForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (touched) setErrors(checkReport(next));
  };
  const errorsFor = useMemo(() => (id: string) => errors.filter((e) => fieldOf(e.path) === id).map((e) => e.message), [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const local = checkReport(form);
    setErrors(local);
    if (local.length) return requestAnimationFrame(() => summaryRef.current?.focus());
    setSent({ state: 'sending' });
    try {
      const res = await post<DenialReportCreated & { errors?: ReportFieldError[] }>(
        '/api/feedback/v1/denial-reports',
        JSON.stringify(toReport(form)),
        { 'content-type': 'application/json', 'idempotency-key': key.current, authorization: `Bearer ${session.key}` },
      );
      if (res.status === 401) {
        session.signOut();
        setRefused(true);
        setSent({ state: 'editing' });
        return;
      }
      if (res.status === 201 || res.status === 200) {
        setSent({ state: 'stored', id: res.body.id, replayed: res.body.replayed, code: form.deniedCode.toUpperCase() });
        key.current = crypto.randomUUID();
        return;
      }
      if (res.status === 422 && res.body?.errors) {
        setErrors(res.body.errors);
        setSent({ state: 'editing' });
        return requestAnimationFrame(() => summaryRef.current?.focus());
      }
      setSent({ state: 'failed', error: errorFrom(res.status, res.body) });
    } catch (error) {
      setSent({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error)) });
    }
  };

  if (sent.state === 'stored') {
    return (
      <section aria-labelledby="thanks-title" className="panel confirmation" role="status">
        <h1 id="thanks-title">Thank you: your report is stored</h1>
        <p>
          Reference <code>{sent.id}</code>
          {sent.replayed ? ' (this report had already arrived; it was not counted twice)' : ''}. It holds no patient or personal data and
          counts toward the denial patterns for <Link to={`/codes/${sent.code}`}>{sent.code}</Link>, which show once enough different
          billers have reported it.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setForm(initialForm(sent.code));
            setErrors([]);
            setTouched(false);
            setSent({ state: 'editing' });
          }}
        >
          Report another denial
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">Report a denial</h1>
      <p className="lead">
        Anonymous by design: codes, reasons and what worked. Never names, dates of birth, IDs, claim numbers, addresses or full dates; we
        refuse reports that contain them.
      </p>
      <Guarantee />
      {session.key === null ? (
        <ReporterSignIn
          refused={refused}
          onSignIn={(k) => {
            setRefused(false);
            session.signIn(k);
          }}
        />
      ) : (
        <p className="signed-in">
          Signed in as a reporter for this browser session.{' '}
          <button type="button" className="button link" onClick={session.signOut}>
            Sign out
          </button>
        </p>
      )}
      <div ref={summaryRef} tabIndex={-1}>
        {errors.length ? (
          <div className="state state-error" role="alert">
            <p>
              <strong>{errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before sending:</strong>
            </p>
            <ul>
              {errors.map((e, i) => (
                <li key={i}>
                  <a href={`#${fieldOf(e.path)}`}>{e.path || 'report'}</a>: {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {sent.state === 'failed' ? <ErrorState error={sent.error} title="Your report was not stored." /> : null}
      {session.key === null ? null : (
        <form onSubmit={submit} className="panel report-form" noValidate>
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
          <fieldset>
            <legend>Did you appeal?</legend>
            <label>
              <input
                type="radio"
                name="appeal"
                id="appealFiled"
                checked={!form.appealFiled}
                onChange={() => update({ appealFiled: false })}
              />{' '}
              No
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
                  <select
                    value={form.appealOutcome}
                    onChange={(e) => update({ appealOutcome: e.target.value as ReportForm['appealOutcome'] })}
                  >
                    <option value="pending">Pending</option>
                    <option value="overturned">Overturned</option>
                    <option value="upheld">Upheld</option>
                  </select>
                </label>
              </div>
            ) : null}
          </fieldset>
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
            <div className="checks">
              {CLAIMFLOW_EDIT_CODES.map((c) => (
                <label key={c}>
                  <input
                    type="checkbox"
                    checked={form.edits.includes(c)}
                    onChange={(e) => update({ edits: e.target.checked ? [...form.edits, c] : form.edits.filter((x) => x !== c) })}
                  />{' '}
                  {c}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button" disabled={sent.state === 'sending'}>
            {sent.state === 'sending' ? 'Sending…' : 'Send report'}
          </button>
        </form>
      )}
    </section>
  );
}
