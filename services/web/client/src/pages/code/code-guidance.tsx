import type { CodeView } from '../../../../src/code-lookup/code-view.types';

/** Our billing guidance, each item naming the ClaimFlow edit that enforces it on a claim. */
export function CodeGuidance({ view }: { view: CodeView }) {
  return (
    <section aria-labelledby="guidance-title" className="panel">
      <h2 id="guidance-title">Billing guidance</h2>
      {view.guidance.length === 0 ? (
        <p className="state state-empty">None of our rules single out this code.</p>
      ) : (
        <ul className="guidance">
          {view.guidance.map((g, i) => (
            <li key={`${g.edit}-${i}`}>
              <h3>{g.title}</h3>
              <p>{g.text}</p>
              <p className="enforced">
                Enforced by edit <code className="edit-code">{g.edit}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
