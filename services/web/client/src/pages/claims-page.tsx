import { useCallback, useState } from 'react';
import type { ClaimListItem } from '@claimflow/contracts';
import { Empty, ErrorState, Loading } from '../components/states';
import { useSessionKey } from '../session-key';
import { ClaimCard } from './claims/claim-card';
import { ClaimFilters } from './claims/claim-filters';
import { ClaimsSignIn, type Refusal } from './claims/claims-sign-in';
import { useWorklist } from './claims/use-worklist';
import { arrangeWorklist } from './claims/worklist-order';
import { DEFAULT_PAGE_SIZE, filterLabel, NO_FILTERS, type WorklistFilters } from './claims/worklist-query';

function Group({
  title,
  id,
  claims,
  apiKey,
  onSignedOut,
}: {
  title: string;
  id: string;
  claims: readonly ClaimListItem[];
  apiKey: string;
  onSignedOut: () => void;
}) {
  if (!claims.length) return null;
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>
        {title} ({claims.length})
      </h2>
      <ul className="claim-list">
        {claims.map((c) => (
          <ClaimCard key={c.claimId} claim={c} apiKey={apiKey} onSignedOut={onSignedOut} />
        ))}
      </ul>
    </section>
  );
}

/** /claims: the signed-in owner's claims from ingest, filtered, needing attention first, a page at a time. */
export function ClaimsPage() {
  const session = useSessionKey('claimflow.claimsKey');
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [filters, setFilters] = useState<WorklistFilters>(NO_FILTERS);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const { signOut } = session;
  const refused = useCallback(
    (why: 'refused' | 'forbidden') => {
      signOut();
      setRefusal(why);
    },
    [signOut],
  );
  const signedOut = useCallback(() => refused('refused'), [refused]);
  const { list, more, reload } = useWorklist(session.key, filters, pageSize, refused);
  const signIn = (k: string) => {
    setRefusal(null);
    session.signIn(k);
  };
  const groups = list.state === 'ok' ? arrangeWorklist(list.claims) : null;
  return (
    <section aria-labelledby="claims-title">
      <h1 id="claims-title">My claims</h1>
      <p className="lead">
        The claims your practice sent to ClaimFlow, newest first. Rejected claims and claims with a line ClaimFlow predicts denied come
        first, under “Needs attention”, as each page is loaded.
      </p>
      <ClaimsSignIn session={session} refusal={refusal} onSignIn={signIn} />
      {session.key === null ? null : (
        <>
          <ClaimFilters applied={filters} pageSize={pageSize} onApply={(f, n) => (setFilters(f), setPageSize(n))} />
          {list.state === 'loading' ? <Loading what="your claims" /> : null}
          {list.state === 'failed' ? <ErrorState error={list.error} title="Your claims could not be listed." retry={reload} /> : null}
          {list.state === 'invalid' ? (
            <div className="state state-error" role="alert">
              <p>
                <strong>Check these filters:</strong>
              </p>
              <ul>
                {list.errors.map((e) => (
                  <li key={e.path}>
                    {filterLabel(e.path)}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {list.state === 'ok' && groups ? (
            <div className="worklist" aria-live="polite">
              <p role="status" data-testid="claims-count">
                {list.claims.length === 1 ? 'One claim' : `${list.claims.length} claims`} shown
                {list.more === 'no' ? '' : '; more match these filters'}.
              </p>
              {list.claims.length === 0 ? <Empty>No claims match these filters.</Empty> : null}
              <Group title="Needs attention" id="needs-attention" claims={groups.attention} apiKey={session.key} onSignedOut={signedOut} />
              <Group title="Other claims" id="other-claims" claims={groups.others} apiKey={session.key} onSignedOut={signedOut} />
              {list.more === 'no' ? null : (
                <button type="button" className="button secondary" onClick={more} disabled={list.more === 'loading'}>
                  {list.more === 'loading' ? 'Loading more…' : 'More claims'}
                </button>
              )}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
