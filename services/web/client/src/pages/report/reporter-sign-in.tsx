import { useState, type FormEvent } from 'react';

/** Sign in with the reporter key the operator issued: 16 to 200 visible characters, kept for this browser session. */
export function ReporterSignIn({ onSignIn, refused }: { onSignIn: (key: string) => void; refused: boolean }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const key = value.trim();
    if (!/^[\x21-\x7e]{16,200}$/.test(key)) return setError('A reporter key is 16 to 200 characters, without spaces.');
    setError(null);
    onSignIn(key);
  };
  return (
    <form className="panel sign-in" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in to report</h2>
      <p className="hint">
        Reports count once per biller, so each needs your reporter key. It stays in this browser tab until you close it or sign out; we
        store only a keyed fingerprint of it, never the key.
      </p>
      {refused ? (
        <p className="state state-error" role="alert">
          That reporter key was not accepted. Check it and sign in again.
        </p>
      ) : null}
      <label htmlFor="reporterKey">Reporter key</label>
      <input
        id="reporterKey"
        type="password"
        autoComplete="off"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'reporterKey-error' : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      {error ? (
        <p id="reporterKey-error" className="field-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button">
        Sign in
      </button>
    </form>
  );
}
