import { useState, type FormEvent, type ReactNode } from 'react';

export interface KeySignInFormProps {
  /** The input's id (its label, error and the title's ids derive from it). */
  readonly id: string;
  readonly title: string;
  /** What the key is called to the person signing in ("API key", "Reporter key"). */
  readonly keyName: string;
  readonly hint: ReactNode;
  /** What to say of a key that cannot be one (not 16 to 200 visible characters). */
  readonly malformed: string;
  /** Why the last key was refused, or null. */
  readonly refusal: string | null;
  readonly onSignIn: (key: string) => void;
}

/** A key for this browser session: 16 to 200 visible characters, checked here before it is sent anywhere. */
export function KeySignInForm({ id, title, keyName, hint, malformed, refusal, onSignIn }: KeySignInFormProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const key = value.trim();
    if (!/^[\x21-\x7e]{16,200}$/.test(key)) return setError(malformed);
    setError(null);
    setValue('');
    onSignIn(key);
  };
  return (
    <form className="panel sign-in" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint">{hint}</p>
      {refusal ? (
        <p className="state state-error" role="alert">
          {refusal}
        </p>
      ) : null}
      <label htmlFor={id}>{keyName}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button">
        Sign in
      </button>
    </form>
  );
}
