import { useState } from 'react';
import type { CodeView, PtpPairView } from '../../../../src/code-lookup/code-view.types';
import { Link } from '../../router';
import { absentText, SourceNote } from './sourced';

const FIRST = 25;
const day = (d: number | null) => (d ? `${String(d).slice(0, 4)}-${String(d).slice(4, 6)}-${String(d).slice(6, 8)}` : '');

function PairTable({
  id,
  title,
  caption,
  pairs,
  other,
  empty,
}: {
  id: string;
  title: string;
  caption: string;
  pairs: readonly PtpPairView[];
  other: (p: PtpPairView) => string;
  empty: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? pairs : pairs.slice(0, FIRST);
  return (
    <div className="ptp-block">
      <h3 id={id}>
        {title} ({pairs.length})
      </h3>
      {pairs.length === 0 ? (
        <p className="state state-empty">{empty}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table aria-labelledby={id}>
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Column 1 / column 2</th>
                  <th scope="col">Modifier indicator</th>
                  <th scope="col">Modifier can bypass?</th>
                  <th scope="col">In force since</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={`${p.column1}-${p.column2}`}>
                    <td>
                      <Link to={`/codes/${other(p)}`}>{other(p)}</Link>
                    </td>
                    <td>
                      {p.column1} / {p.column2}
                    </td>
                    <td>{p.modifierIndicator}</td>
                    <td>{p.bypassable ? 'Yes, with XE/XS/XP/XU or 59 when distinct' : 'No, never paid together'}</td>
                    <td>{day(p.effective)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pairs.length > FIRST ? (
            <button type="button" className="button secondary" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? `Show the first ${FIRST}` : `Show all ${pairs.length}`}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

/** NCCI procedure-to-procedure pairs in both directions. */
export function CodePtp({ view }: { view: CodeView }) {
  const ptp = view.ptp;
  return (
    <section aria-labelledby="ptp-title" className="panel">
      <h2 id="ptp-title">Bundling edits (NCCI PTP, practitioner)</h2>
      <SourceNote source={ptp} />
      {ptp.release === null ? null : (
        <>
          <PairTable
            id="ptp-col2"
            title={`${view.code} is denied beside these codes (${view.code} is column 2)`}
            caption={`Codes that bundle ${view.code}`}
            pairs={ptp.value.asColumn2}
            other={(p) => p.column1}
            empty={absentText(ptp, `No code bundles ${view.code}.`)}
          />
          <PairTable
            id="ptp-col1"
            title={`These codes are denied beside ${view.code} (${view.code} is column 1)`}
            caption={`Codes ${view.code} bundles`}
            pairs={ptp.value.asColumn1}
            other={(p) => p.column2}
            empty={absentText(ptp, `${view.code} bundles no other code.`)}
          />
        </>
      )}
    </section>
  );
}
