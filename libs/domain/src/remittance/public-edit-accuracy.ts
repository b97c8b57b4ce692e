import {
  distinctContributors,
  groupRecords,
  recordsOutside,
  roundCount,
  ROUNDING_BASE,
  safeResidual,
  shownGroups,
  thresholdOf,
  type Contribution,
  type RecordGroup,
} from '../publication';
import type { AccuracyLine, EditAccuracyRow } from './edit-accuracy';

/** An answered line, whose claim it was (`contributor`: the submitter, never shown) and its record key. */
export interface PublishableAccuracyLine extends AccuracyLine, Contribution {}

/**
 * Everyone's edit accuracy as published: a figure is null (or its row absent) when it is withheld.
 * No count of what is withheld is given: that would be a figure about fewer than k submitters.
 */
export interface PublicEditAccuracy {
  readonly lines: number | null;
  readonly denied: number | null;
  readonly byEdit: readonly EditAccuracyRow[];
  readonly missed: { readonly lines: number | null; readonly byReason: readonly { readonly reason: string; readonly lines: number }[] };
  /** Fewest distinct submitters behind every figure shown (k). */
  readonly minReporters: number;
  /** Every count is a multiple of this. */
  readonly rounding: number;
}

/** The public answer: the publication as stored, and when it was computed (null before the first). */
export interface PublishedEditAccuracy extends PublicEditAccuracy {
  readonly publishedAsOf: string | null;
}

/** The floor the rule allows: never fewer than five submitters behind a figure. */
export const MIN_PUBLIC_REPORTERS = 5;

type Line = PublishableAccuracyLine;
const isDenied = (l: Line) => l.outcome === 'denied';
const flagsOf = (l: Line) => l.edits.filter((e) => e.severity === 'deny' || e.severity === 'warn').map((e) => e.code);
const reasonsOf = (l: Line) => (l.reasons.length ? l.reasons : ['(none given)']);
const precision = (flagged: number, denied: number) => (flagged ? Math.round((denied / flagged) * 1000) / 1000 : null);

/**
 * The edit rows that may be shown: each edit's lines (k submitters, complement safe, and what the
 * rows not shown leave over safe, by the shared rules of libs/domain publication), and each row's
 * denied and not-denied parts safe, inside it and outside it (the latter derivable from the totals).
 * A row failing is withheld, and the rest decided again, until nothing changes.
 */
function editRows(all: readonly Line[], k: number, deniedShown: boolean): RecordGroup<Line>[] {
  const groups = groupRecords(all, flagsOf);
  const hidden = new Set<string>();
  for (;;) {
    const shown = shownGroups(all, groups, k, { partition: true, complement: true, hidden });
    const failing = shown.find((g) => {
      const denied = g.records.filter(isDenied);
      const parts = [denied, recordsOutside(g.records, [denied])];
      if (deniedShown) {
        const outside = recordsOutside(all, [g.records]);
        parts.push(
          outside.filter(isDenied),
          outside.filter((l) => !isDenied(l)),
        );
      }
      return !parts.every((p) => safeResidual(p, k));
    });
    if (!failing) return shown;
    hidden.add(failing.value);
  }
}

/**
 * The edit accuracy of every submitter together, as it may be published: every figure needs k
 * distinct submitters (owners); complementary suppression keeps any withheld figure from being
 * worked out from the totals and the rows shown; every count is rounded to a multiple of 5 with the
 * cell-key method, fixed per cell (the same lines always round the same way).
 */
export function publishEditAccuracy(lines: readonly Line[], minReporters = MIN_PUBLIC_REPORTERS): PublicEditAccuracy {
  const k = thresholdOf(minReporters);
  const all = lines.filter((l) => l.outcome !== 'reversed');
  const none: PublicEditAccuracy = {
    lines: null,
    denied: null,
    byEdit: [],
    missed: { lines: null, byReason: [] },
    minReporters: k,
    rounding: ROUNDING_BASE,
  };
  if (distinctContributors(all) < k) return none;
  const count = (records: readonly Line[]) => roundCount(records, ROUNDING_BASE);
  const denied = all.filter(isDenied);
  const deniedShown = safeResidual(denied, k) && safeResidual(recordsOutside(all, [denied]), k);
  const byEdit = editRows(all, k, deniedShown).map((g) => {
    const [flagged, deniedLines] = [count(g.records), count(g.records.filter(isDenied))];
    return { edit: g.value as EditAccuracyRow['edit'], flagged, denied: deniedLines, precision: precision(flagged, deniedLines) };
  });
  const missed = denied.filter((l) => flagsOf(l).length === 0);
  const missedShown = [missed, recordsOutside(all, [missed]), recordsOutside(denied, [missed])].every((p) => safeResidual(p, k));
  const reasons = missedShown ? shownGroups(missed, groupRecords(missed, reasonsOf), k, { partition: true, complement: true }) : [];
  return {
    ...none,
    lines: count(all),
    denied: deniedShown ? count(denied) : null,
    byEdit,
    missed: {
      lines: missedShown ? count(missed) : null,
      byReason: reasons.map((g) => ({ reason: g.value, lines: count(g.records) })),
    },
  };
}
