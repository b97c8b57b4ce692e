import { useState, type FormEvent } from 'react';
import type { SessionKey } from '../../session-key';

export type Refusal = null | 'refused' | 'forbidden';

const REFUSED: Record<Exclude<Refusal, null>, string> = {
  refused: 'That API key was not accepted. Check it and sign in again.',
  forbidden: 'That API key may not read claims: ask your administrator for a key with the claims:read permission.',
};

/** Sign in with the practice's API key (claims:read), kept for this browser session; or, signed in, a way out. */
export function ClaimsSignIn({ session, refusal, onSignIn }: { session: SessionKey; refusal: Refusal; onSignIn: (key: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (session.key !== null)
    return (
      <p className="signed-in">
        Signed in with your API key for this browser session.{' '}
        <button type="button" className="button link" onClick={session.signOut}>
          Sign out
        </button>
      </p>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const key = value.trim();
    if (!/^[\x21-\x7e]{16,200}$/.test(key)) return setError('An API key is 16 to 200 characters, without spaces.');
    setError(null);
    setValue('');
    onSignIn(key);
  };
  return (
    <form className="panel sign-in" onSubmit={submit} noValidate aria-labelledby="claims-sign-in-title">
      <h2 id="claims-sign-in-title">Sign in to see your claims</h2>
      <p className="hint">
        Use the API key your practice management system sends claims with (it needs the claims:read permission). It stays in this browser
        tab until you close it or sign out, and only your own claims are listed.
      </p>
      {refusal ? (
        <p className="state state-error" role="alert">
          {REFUSED[refusal]}
        </p>
      ) : null}
      <label htmlFor="claimsKey">API key</label>
      <input
        id="claimsKey"
        type="password"
        autoComplete="off"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'claimsKey-error' : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      {error ? (
        <p id="claimsKey-error" className="field-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button">
        Sign in
      </button>
    </form>
  );
}
