import { inWords, type Sourced } from '@claimflow/domain';
import { Link } from '../../router';

/** The release an answer came from, with its caveats (partial subsets, stand-in releases). */
export function SourceNote({ source }: { source: Sourced<unknown> }) {
  if (source.release === null) return <p className="source">Not available: {inWords(source.unavailable)}</p>;
  return (
    <div className="source">
      <p>
        Source: {source.release}
        {source.partial ? (
          <>
            {' '}
            (<Link to="/glossary#partial-release">partial release</Link>)
          </>
        ) : (
          ''
        )}
      </p>
      {source.notes.length ? (
        <ul>
          {source.notes.map((n) => (
            <li key={n}>{inWords(n)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What an empty answer means: free of the rule in a full release, unknown in a partial one. */
export function absentText(source: Sourced<unknown>, free: string): string {
  if (source.release === null) return 'unknown (not loaded)';
  return source.partial ? 'unknown: this code is not in the partial release' : free;
}
