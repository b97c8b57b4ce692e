import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { inWords } from '@claimflow/domain';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function ErrorState({ error, title, retry }: { error: ApiError; title: string; retry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{title}</strong> {inWords(error.message)}
        {error.code && !error.code.startsWith('HTTP_') ? <span className="code-tag"> ({error.code})</span> : null}
      </p>
      {retry ? (
        <button type="button" className="button secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
