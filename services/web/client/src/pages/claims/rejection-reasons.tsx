import { useEffect, useState } from 'react';
import type { FieldError } from '@claimflow/contracts';
import { FieldErrorList } from '../check/rejected-claim';
import { acknowledgmentOf } from './acknowledgment';
import { fetchRejectionReasons, type KeyedOutcome } from './fetch-claims';

/** A rejected claim's acknowledgment: rejected, each 277CA status its reasons give, and every reason the intake recorded. */
export function RejectionReasons({ claimId, apiKey, onSignedOut }: { claimId: string; apiKey: string; onSignedOut: () => void }) {
  const [reasons, setReasons] = useState<KeyedOutcome<FieldError[]> | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchRejectionReasons(claimId, apiKey, abort.signal).then(
      (out) => (out.kind === 'signed-out' ? onSignedOut() : setReasons(out)),
      () => undefined, // aborted: the card left the page
    );
    return () => abort.abort();
  }, [claimId, apiKey, onSignedOut]);
  if (reasons === null) return <p className="hint">Rejected: loading its reasons…</p>;
  if (reasons.kind !== 'ok') return <p className="hint">Rejected: its reasons could not be loaded just now.</p>;
  const ack = acknowledgmentOf('rejected', reasons.data);
  return (
    <div className="rejection" data-testid="rejection-reasons">
      <p>
        <span className="badge badge-deny">Rejected</span> not accepted for processing{' '}
        {ack.kind === 'rejected' ? <span className="hint">(277CA status {ack.statuses.join(', ')})</span> : null}
      </p>
      {reasons.data.length ? <FieldErrorList errors={reasons.data} /> : <p className="hint">No reason was recorded.</p>}
    </div>
  );
}
