import type { Template } from '../edit-facts';

/** What each E&M-only modifier marks. */
export const EM_ONLY: Readonly<Record<string, string>> = {
  '25': 'a significant, separately identifiable E&M service on the day of a procedure',
  '57': 'the E&M that was the decision for a major surgery',
  '24': 'an unrelated E&M in a postoperative period',
};

/** MODIFIER_INVALID: the modifier is the fix's (remove-modifier). */
export const MODIFIER_TEXT = {
  'modifier.distinct-on-em': (p: { code: string }, f) => {
    const m = f.fix.modifier;
    const n = f.lines[0];
    return {
      message:
        `Modifier ${m} on the E&M service ${p.code} (line ${n}) is not valid: 59 and its X{EPSU} subsets mark a distinct ` +
        'procedure and are not used on E&M services, so it bypasses no NCCI edit. A significant, separately identifiable E&M ' +
        'on the day of a procedure takes 25 (57 when it was the decision for a major surgery).',
      detail: `Remove ${m} from line ${n}; append 25 instead only if the record shows a separately identifiable E&M service.`,
    };
  },
  'modifier.em-only': (p: { code: string }, f) => {
    const m = f.fix.modifier!;
    return {
      message: `Modifier ${m} on ${p.code} (line ${f.lines[0]}) is not valid: ${m} marks ${EM_ONLY[m]} and is used on E&M codes only, so it bypasses no NCCI edit on ${p.code}.`,
      detail: `Remove ${m} from line ${f.lines[0]}.`,
    };
  },
} satisfies Record<string, Template<never>>;
