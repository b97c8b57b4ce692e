import { KeySignInForm } from '../../components/key-sign-in-form';
import type { SessionKey } from '../../session-key';

export type Refusal = null | 'refused' | 'forbidden';

const REFUSED: Record<Exclude<Refusal, null>, string> = {
  refused: 'That API key was not accepted. Check it and sign in again.',
  forbidden: 'That API key may not read claims: ask your administrator for a key with the claims:read permission.',
};

/** Sign in with the practice's API key (claims:read), kept for this browser session; or, signed in, a way out. */
export function ClaimsSignIn({ session, refusal, onSignIn }: { session: SessionKey; refusal: Refusal; onSignIn: (key: string) => void }) {
  if (session.key !== null)
    return (
      <p className="signed-in">
        Signed in with your API key for this browser session.{' '}
        <button type="button" className="button link" onClick={session.signOut}>
          Sign out
        </button>
      </p>
    );
  return (
    <KeySignInForm
      id="claimsKey"
      title="Sign in to see your claims"
      keyName="API key"
      hint={
        <>
          Use the API key your practice management system sends claims with (it needs the claims:read permission). It stays in this browser
          tab until you close it or sign out, and only your own claims are listed.
        </>
      }
      malformed="An API key is 16 to 200 characters, without spaces."
      refusal={refusal ? REFUSED[refusal] : null}
      onSignIn={onSignIn}
    />
  );
}
