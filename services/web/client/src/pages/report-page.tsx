import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { ErrorState } from '../components/states';
import { ErrorSummary } from './report/error-summary';
import { Guarantee } from './report/guarantee';
import { ReportFields } from './report/report-fields';
import { ReportThanks } from './report/report-thanks';
import { useReporterSession } from './report/reporter-session';
import { ReporterStatus } from './report/reporter-status';
import { sendReport } from './report/send-report';
import { useReportForm } from './report/use-report-form';

type Sent =
  | { state: 'editing' }
  | { state: 'sending' }
  | { state: 'stored'; id: string; replayed: boolean; code: string }
  | { state: 'failed'; error: ApiError };

/** /report: an anonymous denial report from a signed-in reporter, checked here as the server checks it, then sent. */
export function ReportPage({ code }: { code: string }) {
  const session = useReporterSession();
  const report = useReportForm(code);
  const [refused, setRefused] = useState(false);
  const [sent, setSent] = useState<Sent>({ state: 'editing' });
  const key = useRef(crypto.randomUUID());
  const summaryRef = useRef<HTMLDivElement>(null);
  const showSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (report.check().length) return showSummary();
    setSent({ state: 'sending' });
    const outcome = await sendReport(report.form, session.key ?? '', key.current);
    if (outcome.kind === 'signed-out') {
      session.signOut();
      setRefused(true);
      setSent({ state: 'editing' });
    } else if (outcome.kind === 'stored') {
      setSent({ state: 'stored', id: outcome.id, replayed: outcome.replayed, code: report.form.deniedCode.toUpperCase() });
      key.current = crypto.randomUUID();
    } else if (outcome.kind === 'invalid') {
      report.setErrors(outcome.errors);
      setSent({ state: 'editing' });
      showSummary();
    } else setSent({ state: 'failed', error: outcome.error });
  };

  if (sent.state === 'stored') {
    const another = () => {
      report.reset(sent.code);
      setSent({ state: 'editing' });
    };
    return <ReportThanks id={sent.id} replayed={sent.replayed} code={sent.code} onAnother={another} />;
  }

  const signIn = (k: string) => {
    setRefused(false);
    session.signIn(k);
  };
  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">Report a denial</h1>
      <p className="lead">
        Anonymous by design: codes, reasons and what worked. Never names, dates of birth, IDs, claim numbers, addresses or full dates; we
        refuse reports that contain them.
      </p>
      <Guarantee />
      <ReporterStatus session={session} refused={refused} onSignIn={signIn} />
      <div ref={summaryRef} tabIndex={-1}>
        <ErrorSummary errors={report.errors} />
      </div>
      {sent.state === 'failed' ? <ErrorState error={sent.error} title="Your report was not stored." /> : null}
      {session.key === null ? null : (
        <form onSubmit={submit} className="panel report-form" noValidate>
          <ReportFields form={report.form} update={report.update} errorsFor={report.errorsFor} />
          <button type="submit" className="button" disabled={sent.state === 'sending'}>
            {sent.state === 'sending' ? 'Sending…' : 'Send report'}
          </button>
        </form>
      )}
    </section>
  );
}
