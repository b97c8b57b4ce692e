import type { ClaimListItem } from '@claimflow/contracts';
import { acknowledgmentOf, EDIT_NAMES, type EditCode } from '@claimflow/domain';
import { statusWord } from './claim-filters';
import { RejectionReasons } from './rejection-reasons';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function Acknowledgment({ claim, apiKey, onSignedOut }: { claim: ClaimListItem; apiKey: string; onSignedOut: () => void }) {
  if (claim.status === 'rejected') return <RejectionReasons claimId={claim.claimId} apiKey={apiKey} onSignedOut={onSignedOut} />;
  const ack = acknowledgmentOf(claim.status);
  if (ack.kind === 'accepted')
    return (
      <p>
        <span className="badge badge-ok">Accepted</span> for processing <span className="hint">(277CA status {ack.status})</span>
      </p>
    );
  return <p className="hint">Not acknowledged yet: ClaimFlow is still checking it.</p>;
}

function Edits({ claim }: { claim: ClaimListItem }) {
  if (claim.status === 'rejected' && claim.denied === undefined) return <p className="hint">Not checked: rejected before the edits.</p>;
  if (claim.denied === undefined && claim.editCodes.length === 0) return <p className="hint">Not checked against the edits yet.</p>;
  return (
    <>
      <p>
        {claim.denied ? (
          <span className="badge badge-deny">A line predicted denied</span>
        ) : (
          <span className="badge badge-ok">No line predicted denied</span>
        )}
      </p>
      {claim.editCodes.length ? (
        <ul className="claim-edits">
          {claim.editCodes.map((c) => (
            <li key={c}>
              {EDIT_NAMES[c as EditCode] ?? c} <code className="edit-code">{c}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No edits.</p>
      )}
    </>
  );
}

/** One claim of the worklist: its number and status, dates, edits and prediction, the payer's answer, the acknowledgment. */
export function ClaimCard({ claim, apiKey, onSignedOut }: { claim: ClaimListItem; apiKey: string; onSignedOut: () => void }) {
  const service = !claim.serviceFrom
    ? ''
    : claim.serviceFrom === claim.serviceTo
      ? ` · service ${claim.serviceFrom}`
      : ` · service ${claim.serviceFrom} to ${claim.serviceTo}`;
  return (
    <li className="panel claim-card" data-testid="claim-card" data-claim-number={claim.submitterClaimId}>
      <h3>
        Claim {claim.submitterClaimId} <span className="claim-status">{statusWord(claim.status)}</span>
      </h3>
      <p className="hint">
        Received {when(claim.receivedAt)}
        {claim.finalAt ? ` · final ${when(claim.finalAt)}` : ''}
        {service} · ClaimFlow id <code>{claim.claimId}</code>
        {claim.replacedBy ? ' · superseded by a later claim' : ''}
      </p>
      <div className="claim-facts">
        <section aria-label="Acknowledgment">
          <h4>Acknowledgment</h4>
          <Acknowledgment claim={claim} apiKey={apiKey} onSignedOut={onSignedOut} />
        </section>
        <section aria-label="Edits">
          <h4>Edits</h4>
          <Edits claim={claim} />
        </section>
        <section aria-label="Payer">
          <h4>Payer</h4>
          <p>{claim.payerOutcome ? 'The payer answered (835).' : 'No payer answer yet.'}</p>
        </section>
      </div>
    </li>
  );
}
