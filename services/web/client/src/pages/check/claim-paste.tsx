import { useState, type ChangeEvent } from 'react';
import { EXAMPLE_CLAIM } from './example-claims';

const MAX_BYTES = 4 * 1024 * 1024;

/** Paste a claim or load it from a file; the text is sent as is, in whatever format it is. */
export function ClaimPaste({ text, onText }: { text: string; onText: (t: string) => void }) {
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) return setFileProblem(`${file.name} is over 4 MB; send large batches through the API instead.`);
    setFileProblem(null);
    onText(await file.text());
  };
  return (
    <div className="paste">
      <label htmlFor="claim-text">Claims: X12 837P, FHIR Claim or Bundle, or JSON</label>
      <textarea
        id="claim-text"
        rows={14}
        spellCheck={false}
        value={text}
        onChange={(e) => onText(e.target.value)}
        aria-describedby="claim-text-help"
      />
      <p id="claim-text-help" className="hint">
        The format is recognised from the text. A file with several claims (up to 10) shows each of them.
      </p>
      <div className="row">
        <label className="file">
          Upload a file
          <input
            type="file"
            accept=".json,.txt,.x12,.edi,.837,application/json,text/plain"
            onChange={upload}
            aria-describedby={fileProblem ? 'file-problem' : undefined}
          />
        </label>
        <button type="button" className="button secondary" onClick={() => onText(JSON.stringify(EXAMPLE_CLAIM, null, 2))}>
          Load an example (62323 + 77003)
        </button>
      </div>
      {fileProblem ? (
        <p id="file-problem" className="field-error" role="alert">
          {fileProblem}
        </p>
      ) : null}
    </div>
  );
}
