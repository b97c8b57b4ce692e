import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { ErrorState, Loading } from '../components/states';
import { ClaimForm, claimFromForm, INITIAL_FORM, type ClaimFormState } from './check/claim-form';
import { ClaimPaste } from './check/claim-paste';
import { BatchResult } from './check/batch-result';
import { checkClaim, type BatchOutcome } from './check/check-claim';

type Mode = 'paste' | 'form';
type Run = { state: 'idle' } | { state: 'checking' } | { state: 'done'; outcome: BatchOutcome } | { state: 'error'; error: ApiError };

/** /check: claims in any format through the stateless check (nothing stored); every claim's edits, fixes, corrected claim and payment. */
export function CheckPage() {
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [form, setForm] = useState<ClaimFormState>(INITIAL_FORM);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const check = async (payload: string) => {
    setRun({ state: 'checking' });
    try {
      setRun({ state: 'done', outcome: await checkClaim(payload) });
    } catch (e) {
      setRun({ state: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'UNEXPECTED', String(e)) });
    }
    resultRef.current?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'paste' && !text.trim()) return setProblem('Paste a claim, upload a file or load the example first.');
    if (mode === 'form' && form.lines.some((l) => !l.code.trim())) return setProblem('Every line needs a code.');
    setProblem(null);
    void check(mode === 'paste' ? text : JSON.stringify(claimFromForm(form)));
  };
  const recheck = (corrected: string) => {
    setMode('paste');
    setText(corrected);
    void check(corrected);
  };

  return (
    <section aria-labelledby="check-title">
      <h1 id="check-title">Check a claim</h1>
      <p className="lead">
        Each claim is read, checked against the NCCI and fee schedule rules of its dates and priced, as a submission would be; nothing is
        stored.
      </p>
      <form onSubmit={submit} className="panel" noValidate>
        <fieldset className="mode">
          <legend>How will you give the claim?</legend>
          <label>
            <input type="radio" name="mode" value="paste" checked={mode === 'paste'} onChange={() => setMode('paste')} /> Paste or upload
          </label>
          <label>
            <input type="radio" name="mode" value="form" checked={mode === 'form'} onChange={() => setMode('form')} /> Fill in lines
          </label>
        </fieldset>
        {mode === 'paste' ? <ClaimPaste text={text} onText={setText} /> : <ClaimForm form={form} onForm={setForm} />}
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={run.state === 'checking'}>
          {run.state === 'checking' ? 'Checking…' : 'Check claim'}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="result-region">
        {run.state === 'checking' ? <Loading what="the check (validator and pricer)" /> : null}
        {run.state === 'error' ? <ErrorState error={run.error} title="The check failed." /> : null}
        {run.state === 'done' ? <BatchResult outcome={run.outcome} onRecheck={recheck} /> : null}
      </div>
    </section>
  );
}
