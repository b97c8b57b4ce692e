import type { FieldError } from '@claimflow/contracts';
import { claimFieldLabel, plainMessage } from './claim-field-label';
import type { RejectedView } from './check-claim';

/** One problem: the field in a biller's words, what is wrong, and where in the file it was found. */
function FieldErrorItem({ error }: { error: FieldError }) {
  return (
    <li className="field-problem">
      <strong>{claimFieldLabel(error.path)}:</strong> {plainMessage(error.path, error.message)}
      {error.source ? <span className="where"> · found at {error.source}</span> : null} <code className="edit-code">{error.code}</code>
    </li>
  );
}

/** Every problem found, in the order the intake found them. */
export function FieldErrorList({ errors }: { errors: readonly FieldError[] }) {
  return (
    <ul className="field-problems">
      {errors.map((e, i) => (
        <FieldErrorItem key={i} error={e} />
      ))}
    </ul>
  );
}

/** A claim of the file that could not be checked: every error the intake found in it, none dropped. */
export function RejectedClaim({ rejected, heading, headingId }: { rejected: RejectedView; heading: string; headingId: string }) {
  const n = rejected.errors.length;
  return (
    <section aria-labelledby={headingId} className="panel result rejected">
      <h2 id={headingId}>{heading}</h2>
      <p className="summary-bad" role="status">
        Not checked: the claim could not be read. {n === 1 ? 'One error' : `${n} errors`} to fix, then check it again.
      </p>
      <FieldErrorList errors={rejected.errors} />
    </section>
  );
}
