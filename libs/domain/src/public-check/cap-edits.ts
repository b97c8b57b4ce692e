import type { Edit, EditSource, ValidationResult } from '../validation/edit';

/**
 * Edits one keyless check answers with. A real claim has a handful;
 * a claim of 50 unrelated codes had 467 (mostly PTP pairs), 900 KB of JSON. 50 keeps every edit of
 * any plausible claim and bounds the answer to about 60 KB before compression.
 */
export const PUBLIC_CHECK_MAX_EDITS = 50;

/** What a release says about itself, once per answer instead of on every edit drawn from it. */
export interface ReleaseSource {
  readonly release: string;
  readonly dataset: EditSource['dataset'];
  readonly notes?: readonly string[];
}

export interface CappedValidation {
  /** The validation with at most `max` edits (deny first, then warn, then info), each line listing only those. */
  readonly validation: ValidationResult;
  /** Each release the edits shown draw on, with its notes, once. */
  readonly sources: readonly ReleaseSource[];
  /** Edits found but not listed. */
  readonly editsOmitted: number;
}

const RANK: Readonly<Record<Edit['severity'], number>> = { deny: 0, warn: 1, info: 2 };
const identity = (e: Edit) => `${e.code}|${e.lines.join(',')}|${e.source.release}|${e.message}`;

/** The edit with its release-level notes left to `sources`. */
function withoutNotes(e: Edit): Edit {
  if (!e.source.notes) return e;
  const { notes: _notes, ...source } = e.source;
  return { ...e, source };
}

/** Caps the edits of one validation and states each release's source once. */
export function capEdits(v: ValidationResult, max = PUBLIC_CHECK_MAX_EDITS): CappedValidation {
  const ranked = v.edits.map((e, i) => ({ e, i })).sort((a, b) => RANK[a.e.severity] - RANK[b.e.severity] || a.i - b.i);
  const kept = new Set(ranked.slice(0, max).map((x) => identity(x.e)));
  const edits = v.edits.filter((e) => kept.has(identity(e)));
  const sources = new Map<string, ReleaseSource>();
  for (const e of edits)
    if (!sources.has(e.source.release))
      sources.set(e.source.release, {
        release: e.source.release,
        dataset: e.source.dataset,
        ...(e.source.notes?.length ? { notes: e.source.notes } : {}),
      });
  return {
    validation: {
      ...v,
      edits: edits.map(withoutNotes),
      lines: v.lines.map((l) => ({ ...l, edits: l.edits.filter((e) => kept.has(identity(e))).map(withoutNotes) })),
    },
    sources: [...sources.values()],
    editsOmitted: v.edits.length - edits.length,
  };
}
