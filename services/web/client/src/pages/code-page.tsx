import type { CodeView } from '../../../src/code-lookup/code-view.types';
import { useJson } from '../api';
import { ErrorState, Loading } from '../components/states';
import { Link } from '../router';
import { CodeChangesPanel } from './code/code-changes';
import { CodeFacts } from './code/code-facts';
import { CodeGuidance } from './code/code-guidance';
import { CodePayment } from './code/code-payment';
import { CodePtp } from './code/code-ptp';
import { DenialPatterns } from './code/denial-patterns';
import { dateForYear, paymentChoice } from './code/payment-choice';

/** /codes/{code}: what the code is, its money, its edits, our guidance and reported denials. */
export function CodePage({ code, query }: { code: string; query: URLSearchParams }) {
  const choice = paymentChoice(query);
  const view = useJson<CodeView>(`/api/codes/${encodeURIComponent(code)}?date=${dateForYear(choice.year)}`);
  return (
    <article className="code-page" aria-labelledby="code-title">
      <h1 id="code-title">
        Code <span className="code">{code}</span>
      </h1>
      {view.state === 'loading' ? <Loading what={`what we know about ${code}`} /> : null}
      {view.state === 'error' ? (
        <ErrorState
          error={view.error}
          title={
            view.error.status === 404
              ? `We have no data on ${code}.`
              : view.error.status === 400
                ? 'That is not a code.'
                : `The look-up of ${code} failed.`
          }
          retry={view.error.status >= 500 || view.error.status === 0 ? view.reload : undefined}
        />
      ) : null}
      {view.state === 'ok' ? (
        <>
          <p className="summary">{view.data.summary ?? 'We have not written a plain-language summary of this code yet.'}</p>
          <CodeFacts view={view.data} />
          <CodePayment code={code} choice={choice} inSomeYear={view.data.status !== null} />
          <CodePtp view={view.data} />
          <CodeGuidance view={view.data} />
          <CodeChangesPanel view={view.data} />
        </>
      ) : null}
      <DenialPatterns code={code} />
      <p>
        <Link to={`/report?code=${code}`}>Report a denial for {code}</Link>
      </p>
    </article>
  );
}
