import { isEmCode, isLabCode, modifierFamily, type ModifierFamily } from '../modifiers';
import type { LineCtx } from '../validation-context';

/** What decides which modifiers count on a line of a PTP pair: a rule's LineCtx, or the edit's facts (ptp.text). */
export type PairLine = Pick<LineCtx, 'code' | 'n' | 'modifiers' | 'globalDays'>;

/** An NCCI-associated modifier on one line of a pair, and whether it may bypass this indicator-1 edit. */
export interface PairModifier {
  readonly modifier: string;
  readonly family: ModifierFamily;
  readonly line: PairLine;
  /** Why it does not count here, when it does not. */
  readonly refused?: string;
}

const globalDays = (l: PairLine): string | undefined => l.globalDays;

/**
 * Which NCCI-associated modifiers may bypass an indicator-1 edit depends on the codes (NCCI Policy Manual ch. I §D,
 * §E; ch. XI §B). Between two procedures: 59/X{EPSU}, anatomic modifiers naming different sites, 58/78/79, and 91 on a
 * repeated lab test. Where an E&M service is one of the pair: only modifiers on the E&M line, 25 (a significant,
 * separately identifiable E&M on the day of a minor or non-global procedure) or 57 (the decision for a major surgery,
 * 090 global days), and 27 between two hospital E&M encounters. Lines are checked column 2 (the denied code) first.
 */
export function pairModifiers(c1: PairLine, c2: PairLine, institutional: boolean): PairModifier[] {
  const out: PairModifier[] = [];
  for (const [line, other] of [
    [c2, c1],
    [c1, c2],
  ] as const) {
    for (const modifier of line.modifiers) {
      const family = modifierFamily(modifier);
      if (!family) continue;
      const refused = refusal(family, modifier, line, other, institutional);
      out.push(refused ? { modifier, family, line, refused } : { modifier, family, line });
    }
  }
  return out;
}

function refusal(family: ModifierFamily, m: string, line: PairLine, other: PairLine, institutional: boolean): string | undefined {
  const em = isEmCode(line.code);
  const otherEm = isEmCode(other.code);
  switch (family) {
    case 'distinct':
      if (em) return `${m} and the other X{EPSU} modifiers are not used on E&M services (a separate E&M takes 25)`;
      if (otherEm) return `${m} separates a procedure from other procedures, not from an E&M service (the E&M line takes 25)`;
      return undefined;
    case 'anatomic':
      if (em || otherEm) return `anatomic modifiers do not separate an E&M service from a procedure`;
      if (other.modifiers.includes(m)) return `both lines carry ${m}, so they name the same site`;
      return undefined;
    case 'em-separate':
      if (!em) return '25 is used on E&M services only';
      if (!otherEm && globalDays(other) === '090')
        return `${other.code} is a major surgery (090 global days): an E&M on its day is included unless it was the decision for surgery (57)`;
      return undefined;
    case 'em-decision':
      if (!em) return '57 is used on E&M services only';
      if (otherEm) return '57 is for the decision for a major surgery, not another E&M service';
      if (globalDays(other) !== undefined && globalDays(other) !== '090')
        return `57 is for the decision for a major surgery (090 global days); ${other.code} has ${globalDays(other)} global days (use 25)`;
      return undefined;
    case 'em-postop':
      return `24 is for an unrelated E&M in the postoperative period of an earlier surgery, not a service on the same day as ${other.code}`;
    case 'em-hospital':
      if (!em || !otherEm) return '27 is for a second hospital outpatient E&M encounter on the same date, between E&M services only';
      if (!institutional) return '27 is for hospital outpatient claims only';
      return undefined;
    case 'postop':
      if (em) return `${m} is for a procedure in a postoperative period, not an E&M service (an unrelated E&M takes 24)`;
      if (otherEm) return `${m} does not separate a procedure from an E&M service (the E&M line takes 25 or 57)`;
      return undefined;
    case 'repeat-lab':
      return isLabCode(line.code) ? undefined : '91 is for a repeated clinical laboratory test only';
  }
}

/** The modifier that would rightly bypass the edit, on which line, and what the record must show. */
export interface Suggestion {
  readonly modifier: string;
  readonly line: PairLine;
  readonly detail: string;
}

export function suggestion(c1: PairLine, c2: PairLine, institutional: boolean): Suggestion {
  const em1 = isEmCode(c1.code);
  const em2 = isEmCode(c2.code);
  if (em1 && em2) {
    return institutional
      ? {
          modifier: '27',
          line: c2,
          detail: `Only if ${c2.code} was a separate hospital outpatient encounter that day, append 27 to line ${c2.n}; otherwise remove the line.`,
        }
      : {
          modifier: '25',
          line: c2,
          detail: `Only if the record shows ${c2.code} was a significant, separately identifiable E&M service beyond ${c1.code}, append 25 to line ${c2.n}; otherwise remove the line.`,
        };
  }
  if (em1 || em2) {
    const visit = em2 ? c2 : c1;
    const procedure = em2 ? c1 : c2;
    const days = globalDays(procedure);
    if (days === '090') {
      return {
        modifier: '57',
        line: visit,
        detail: `Only if the E&M ${visit.code} (line ${visit.n}) was the decision to perform the major surgery ${procedure.code} (090 global days), append 57 to line ${visit.n}; any other E&M that day is included in the surgery: remove line ${c2.n}.`,
      };
    }
    const unknown =
      days === undefined
        ? ` (or 57 if it was the decision for a major surgery with 090 global days: the fee schedule loaded for this date does not give ${procedure.code}'s global period)`
        : '';
    return {
      modifier: '25',
      line: visit,
      detail:
        `Only if the record shows a significant, separately identifiable E&M service beyond the usual pre- and post-procedure work of ${procedure.code} ` +
        `(the decision to perform a minor procedure is part of it), append 25 to the E&M ${visit.code} (line ${visit.n})${unknown}; otherwise remove line ${c2.n}.`,
    };
  }
  return {
    modifier: 'XS',
    line: c2,
    detail: `Only if the record shows ${c2.code} was a distinct service (e.g. separate structure or session), append XS (or the fitting X{EPSU} or 59, or anatomic modifiers naming different sites) to line ${c2.n}; otherwise remove the line.`,
  };
}
