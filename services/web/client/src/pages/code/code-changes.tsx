import type { CodeView } from '../../../../src/code-lookup/code-view.types';
import { datasetName, fieldWords, inWords } from '@claimflow/domain';

const value = (v: string | number | boolean | null): string => (v === null ? '–' : String(v));

/** "What changed this quarter": the code in the release in use against the release before it. */
export function CodeChangesPanel({ view }: { view: CodeView }) {
  const datasets = view.changes.datasets;
  return (
    <section aria-labelledby="changes-title" className="panel" data-testid="code-changes">
      <h2 id="changes-title">What changed this quarter</h2>
      {datasets.length === 0 ? (
        <p className="state state-empty">No earlier release is loaded to compare with.</p>
      ) : (
        <ul className="changes">
          {datasets.map((d) => (
            <li key={d.dataset}>
              <h3>
                {datasetName(d.dataset)}: {d.from} → {d.to}
              </h3>
              {d.changes.length === 0 ? (
                <p>No change for {view.code}.</p>
              ) : (
                <ul>
                  {d.changes.map((c) => (
                    <li key={`${c.kind}-${c.key}`}>
                      <strong>{c.kind}</strong> {c.key}
                      {c.fields.map((f) => ` · ${fieldWords(f.field)} ${value(f.from)} → ${value(f.to)}`).join('')}
                    </li>
                  ))}
                </ul>
              )}
              {d.notes.map((n) => (
                <p key={n} className="note">
                  {inWords(n)}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
