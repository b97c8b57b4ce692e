import type { EditSource, NotChecked } from './edit';
import { same } from './same-json';

type Sourced = { readonly source: EditSource };
type Entry = Pick<NotChecked, 'dataset' | 'release' | 'notes'>;

const key = (dataset: string, release: string) => `${dataset} ${release}`;

/** The caveats (notes) of each stand-in or partial release `notChecked` names, by dataset and release. */
function notesByRelease(notChecked: readonly Entry[]): Map<string, readonly string[]> {
  const notes = new Map<string, readonly string[]>();
  for (const n of notChecked) if (n.release && n.notes?.length) notes.set(key(n.dataset, n.release), n.notes);
  return notes;
}

/**
 * The edits, each source's notes left out where a `notChecked` entry of the same dataset and release states them
 * (a stand-in or partial release's caveats, which every edit drawn from it repeats); only when withStatedNotes
 * gives back every edit exactly (an edit of that release without them would gain them), else the edits as they are.
 */
export function withoutStatedNotes<E extends Sourced>(edits: readonly E[], notChecked: readonly Entry[]): readonly E[] {
  const notes = notesByRelease(notChecked);
  if (!notes.size) return edits;
  const out = edits.map((e) => {
    const stated = notes.get(key(e.source.dataset, e.source.release));
    if (!stated || !e.source.notes || !same(stated, e.source.notes)) return e;
    const { notes: _notes, ...source } = e.source;
    void _notes;
    return { ...e, source };
  });
  return same(withStatedNotes(out, notChecked), edits) ? out : edits;
}

/** The edits with the notes withoutStatedNotes left out: from the `notChecked` entry of their dataset and release. */
export function withStatedNotes<E extends Sourced>(edits: readonly E[], notChecked: readonly Entry[]): readonly E[] {
  const notes = notesByRelease(notChecked);
  if (!notes.size) return edits;
  return edits.map((e) => {
    const stated = e.source.notes ? undefined : notes.get(key(e.source.dataset, e.source.release));
    return stated ? { ...e, source: { ...e.source, notes: stated } } : e;
  });
}
