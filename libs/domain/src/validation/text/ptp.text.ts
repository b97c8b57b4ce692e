import type { EditFacts, Template } from '../edit-facts';
import { pairModifiers, suggestion, type PairLine } from '../rules/ptp-bypass';
import { bypassMessage, refusedText } from '../rules/ptp-messages';

/**
 * The pair of a PTP edit: the column 2 line (`code`, the edit's line) and its column 1 line; for a modifier
 * indicator 1 edit also what decides which modifiers count (ptp-bypass): each line's modifiers (m1, m2), the
 * global days of each when an E&M service is one of the pair (g1, g2), and whether the claim is institutional.
 */
export type PtpPair = {
  code: string;
  col1: string;
  col1Line: number;
  m1?: readonly string[];
  m2?: readonly string[];
  g1?: string;
  g2?: string;
  inst?: boolean;
};

const pairLines = (p: PtpPair, f: EditFacts): [PairLine, PairLine] => [
  { code: p.col1, n: p.col1Line, modifiers: p.m1 ?? [], globalDays: p.g1 },
  { code: p.code, n: f.lines[0], modifiers: p.m2 ?? [], globalDays: p.g2 },
];

/** PTP_BUNDLED: the modifier indicator and the row's rationale are the edit's source. */
export const PTP_TEXT = {
  'ptp.pair': (p: PtpPair, f) => {
    const [c1, c2] = pairLines(p, f);
    const rationale = f.source.rationale;
    const pair = `${c2.code} (line ${c2.n}) is a column 2 code of ${c1.code} (line ${c1.n}) in the NCCI PTP edits${rationale ? ` (${rationale})` : ''}`;
    if (f.source.modifierIndicator === '0') {
      return {
        message: `${pair}. Modifier indicator 0: no modifier allows both on the same date, so ${c2.code} is denied.`,
        detail: `Remove ${c2.code} (line ${c2.n}); it is included in ${c1.code}.`,
      };
    }
    const present = pairModifiers(c1, c2, !!p.inst);
    const bypass = present.find((m) => !m.refused);
    if (bypass) {
      return {
        message: `${pair}. ${bypassMessage(bypass, c1, c2)}`,
        detail: `Keep documentation showing what modifier ${bypass.modifier} says.`,
      };
    }
    const advice = suggestion(c1, c2, !!p.inst);
    return {
      message:
        `${pair}. Modifier indicator 1: ${c2.code} is denied unless an NCCI-associated modifier that fits these codes ` +
        `(here ${advice.modifier} on line ${advice.line.n}) shows a separately payable service.${refusedText(present)}`,
      detail: advice.detail,
    };
  },
} satisfies Record<string, Template<never>>;
