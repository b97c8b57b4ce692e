import { DISTINCT_MEANING } from '../modifiers';
import type { PairLine, PairModifier } from './ptp-bypass';

const label = (l: PairLine) => `${l.code} (line ${l.n})`;

/** What a bypassing modifier says, per family: the record must show exactly that (NCCI Policy Manual ch. I §D, §E). */
export function bypassMessage(b: PairModifier, c1: PairLine, c2: PairLine): string {
  const other = b.line === c2 ? c1 : c2;
  const lead = `Modifier ${b.modifier} bypasses this indicator-1 edit`;
  const recouped = 'or the payment can be recouped.';
  switch (b.family) {
    case 'distinct':
      return `${lead}; the medical record must document a distinct service (${DISTINCT_MEANING[b.modifier]}) ${recouped}`;
    case 'anatomic':
      return `${lead}; the medical record must document a distinct service on a different anatomic site (${b.modifier} on ${label(b.line)}) ${recouped}`;
    case 'em-separate':
      return (
        `${lead}: it says the E&M ${label(b.line)} was significant and separately identifiable, above the usual pre- and ` +
        `post-procedure work of ${label(other)}; the record must show that E&M on its own (a different diagnosis is not required) ${recouped}`
      );
    case 'em-decision':
      return `${lead}: it says the E&M ${label(b.line)} was the decision to perform the major surgery ${label(other)}; the record must show that decision ${recouped}`;
    case 'em-hospital':
      return `${lead}: it says ${label(b.line)} was a separate hospital outpatient E&M encounter on the same date; the record must show both encounters ${recouped}`;
    case 'postop':
      return `${lead}: it says ${label(b.line)} was a ${POSTOP[b.modifier]} in a postoperative period; the record must show it ${recouped}`;
    case 'repeat-lab':
      return `${lead}: it says ${label(b.line)} was a repeat of a clinical laboratory test on the same day to obtain subsequent results; the record must show it ${recouped}`;
    case 'em-postop':
      return `${lead}.`;
  }
}

const POSTOP: Readonly<Record<string, string>> = {
  '58': 'staged or related procedure',
  '78': 'unplanned return to the operating room for a related procedure',
  '79': 'unrelated procedure',
};

/** Why modifiers on the pair's lines did not bypass the edit, one sentence each. */
export function refusedText(refused: readonly PairModifier[]): string {
  return refused.map((r) => ` Modifier ${r.modifier} on ${label(r.line)} does not bypass it: ${r.refused}.`).join('');
}
