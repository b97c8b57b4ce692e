import { KeySignInForm } from '../../components/key-sign-in-form';

/** Sign in with the reporter key the operator issued, kept for this browser session. */
export function ReporterSignIn({ onSignIn, refused }: { onSignIn: (key: string) => void; refused: boolean }) {
  return (
    <KeySignInForm
      id="reporterKey"
      title="Sign in to report"
      keyName="Reporter key"
      hint={
        <>
          Reports count once per biller, so each needs your reporter key. It stays in this browser tab until you close it or sign out; we
          store only a keyed fingerprint of it, never the key.
        </>
      }
      malformed="A reporter key is 16 to 200 characters, without spaces."
      refusal={refused ? 'That reporter key was not accepted. Check it and sign in again.' : null}
      onSignIn={onSignIn}
    />
  );
}
