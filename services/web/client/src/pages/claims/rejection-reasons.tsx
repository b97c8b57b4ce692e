import { useEffect, useRef, useState } from 'react';
import type { FieldError } from '@claimflow/contracts';
import { FieldErrorList } from '../check/rejected-claim';
import { acknowledgmentOf } from '@claimflow/domain';
import { fetchRejectionReasons, type KeyedOutcome } from './fetch-claims';

// Load a card's reasons once it is within 400 px of the screen: about two cards ahead (a claim card is ~170 px high at
// 1280 px wide, screenshot 20-my-claims), so they are there when the biller scrolls to them, while a page of 500
// rejections does not send 500 reads at once (each counts against the proxy's per-address limit).
const AHEAD = '400px';

/** True once the element has come near the screen (at once where IntersectionObserver is missing). */
function useNearScreen() {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return setNear(true);
    const watch = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setNear(true);
        watch.disconnect();
      },
      { rootMargin: AHEAD },
    );
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  return { ref, near };
}

/** A rejected claim's acknowledgment: rejected, each 277CA status its reasons give, and every reason the intake recorded. */
export function RejectionReasons({ claimId, apiKey, onSignedOut }: { claimId: string; apiKey: string; onSignedOut: () => void }) {
  const { ref, near } = useNearScreen();
  const [reasons, setReasons] = useState<KeyedOutcome<FieldError[]> | null>(null);
  useEffect(() => {
    if (!near) return;
    const abort = new AbortController();
    fetchRejectionReasons(claimId, apiKey, abort.signal).then(
      (out) => (out.kind === 'signed-out' ? onSignedOut() : setReasons(out)),
      () => undefined, // aborted: the card left the page
    );
    return () => abort.abort();
  }, [near, claimId, apiKey, onSignedOut]);
  const ack = reasons?.kind === 'ok' ? acknowledgmentOf('rejected', reasons.data) : null;
  return (
    <div ref={ref} className="rejection" data-testid={reasons ? 'rejection-reasons' : undefined}>
      {reasons === null ? <p className="hint">Rejected: loading its reasons…</p> : null}
      {reasons && reasons.kind !== 'ok' ? <p className="hint">Rejected: its reasons could not be loaded just now.</p> : null}
      {reasons?.kind === 'ok' ? (
        <>
          <p>
            <span className="badge badge-deny">Rejected</span> not accepted for processing{' '}
            {ack?.kind === 'rejected' ? <span className="hint">(277CA status {ack.statuses.join(', ')})</span> : null}
          </p>
          {reasons.data.length ? <FieldErrorList errors={reasons.data} /> : <p className="hint">No reason was recorded.</p>}
        </>
      ) : null}
    </div>
  );
}
