import { useState, type FormEvent } from 'react';
import { navigate } from '../router';

const CODE = /^[A-Z0-9]{5}$/;

/** Search by code from any page: a valid code opens its page, anything else says what is expected. */
export function SearchBox({ id = 'search', initial = '' }: { id?: string; initial?: string }) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = value.trim().toUpperCase();
    if (!CODE.test(code)) {
      setProblem('Enter a 5-character CPT or HCPCS code, such as 77003.');
      return;
    }
    setProblem(null);
    navigate(`/codes/${code}`);
  };
  return (
    <form className="search" role="search" onSubmit={submit} noValidate>
      <label htmlFor={id}>Search by code</label>
      <div className="search-row">
        <input
          id={id}
          name="code"
          inputMode="text"
          autoComplete="off"
          maxLength={5}
          placeholder="e.g. 77003"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        <button type="submit" className="button">
          Look up
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
