import { Link } from '../../router';
import type { ClaimView } from './check-claim';

type Validation = ClaimView['result']['validation'];
type NotChecked = Validation['notChecked'][number];

const span = (n: NotChecked) => (n.from === n.to ? n.from : `${n.from} to ${n.to}`);
const linesOf = (n: NotChecked) => `line${n.lines.length === 1 ? '' : 's'} ${n.lines.join(', ')}`;

/** Why a family was not fully checked, in a biller's words (the validator says which and where). */
function why(n: NotChecked): string {
  if (n.reason === 'no-release') return `not checked: no release of these rules is loaded for ${span(n)}`;
  if (n.reason === 'stand-in')
    return `checked against ${n.release ?? 'another release'} instead of the release in force on ${span(n)}, so the payer's edits may differ`;
  return `the release in force on ${span(n)}${n.release ? ` (${n.release})` : ''} is an excerpt: codes missing from it were not checked`;
}

/**
 * The incomplete outcome: which edit families could not be checked against the release in force, on which lines
 * and dates, and the one command that loads them. Said before anything else, since "no edit" then proves nothing.
 */
export function NotCheckedBox({ validation, id }: { validation: Validation; id: string }) {
  if (!validation.notChecked.length) return null;
  const first = validation.outcome === 'incomplete';
  return (
    <div className="not-checked" data-testid="not-checked" aria-labelledby={id} role={first ? 'alert' : undefined}>
      <p id={id}>
        <strong>{first ? 'Not fully checked: ' : 'Also not fully checked: '}</strong>
        {first
          ? 'no line is denied by the checks that were made, but these checks could not be made against the rules in force on the date of service:'
          : 'besides the denials, these checks could not be made against the rules in force on the date of service:'}{' '}
        <Link to="/glossary#not-fully-checked">What does this mean?</Link>
      </p>
      <ul>
        {validation.notChecked.map((n) => (
          <li key={`${n.dataset}-${n.reason}-${n.release ?? ''}`}>
            <strong>{n.family[0].toUpperCase() + n.family.slice(1)}</strong> ({linesOf(n)}): {why(n)}.
          </li>
        ))}
      </ul>
      {validation.refreshCommand ? (
        <p className="fix-command">
          To check fully, your ClaimFlow operator loads those releases with one command: <code>{validation.refreshCommand}</code>
        </p>
      ) : null}
    </div>
  );
}
