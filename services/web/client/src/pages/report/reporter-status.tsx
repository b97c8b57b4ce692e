import type { useReporterSession } from './reporter-session';
import { ReporterSignIn } from './reporter-sign-in';

type Session = ReturnType<typeof useReporterSession>;

/** Signed out: the sign-in form (saying so when the last key was refused). Signed in: who, and a way out. */
export function ReporterStatus({ session, refused, onSignIn }: { session: Session; refused: boolean; onSignIn: (key: string) => void }) {
  if (session.key === null) return <ReporterSignIn refused={refused} onSignIn={onSignIn} />;
  return (
    <p className="signed-in">
      Signed in as a reporter for this browser session.{' '}
      <button type="button" className="button link" onClick={session.signOut}>
        Sign out
      </button>
    </p>
  );
}
