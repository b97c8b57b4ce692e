import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { DenialReportCreated } from '@claimflow/contracts';
import type { ReportFieldError } from '@claimflow/domain';
import { ApiError, errorFrom, post, useJson } from '../api';
import { ErrorState } from '../components/states';
import { ErrorSummary } from './report/error-summary';
import { humanMessage } from './report/report-errors';
import { ReportFields } from './report/report-fields';
import { ReportThanks } from './report/report-thanks';
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
  const errorsFor = useMemo(() => (id: string) => errors.filter((e) => fieldOf(e.path) === id).map(humanMessage), [errors]);

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
    const another = () => {
      setForm(initialForm(sent.code));
      setErrors([]);
      setTouched(false);
      setSent({ state: 'editing' });
    };
    return <ReportThanks id={sent.id} replayed={sent.replayed} code={sent.code} onAnother={another} />;
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
        <ErrorSummary errors={errors} />
      </div>
      {sent.state === 'failed' ? <ErrorState error={sent.error} title="Your report was not stored." /> : null}
      {session.key === null ? null : (
        <form onSubmit={submit} className="panel report-form" noValidate>
          <ReportFields form={form} update={update} errorsFor={errorsFor} />
          <button type="submit" className="button" disabled={sent.state === 'sending'}>
            {sent.state === 'sending' ? 'Sending…' : 'Send report'}
          </button>
        </form>
      )}
    </section>
  );
}
