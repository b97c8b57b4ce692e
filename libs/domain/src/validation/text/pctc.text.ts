import { PCTC_INDICATORS } from '../data/pctc-indicators.data';
import type { EditFacts, Template } from '../edit-facts';

type Pctc = { code: string; pctc: string };
type InFacility = Pctc & { pos: string };

const label = (p: Pctc, f: EditFacts) => `${p.code} (line ${f.lines[0]}) is ${PCTC_INDICATORS[p.pctc].meaning} (PC/TC indicator ${p.pctc})`;

/** PCTC_MODIFIER: the indicator's meaning is the domain's own table; the modifier is the fix's. */
export const PCTC_TEXT = {
  'pctc.not-allowed': (p: Pctc, f) => {
    const m = f.fix.modifier;
    const n = f.lines[0];
    return {
      message: `${label(p, f)}: modifier ${m} cannot be used with it.`,
      detail:
        PCTC_INDICATORS[p.pctc].redundant === m
          ? `Remove ${m} from line ${n}: the code already is that component.`
          : `Remove ${m} from line ${n}, or use the code that describes the component you performed.`,
    };
  },
  'pctc.only-26': (p: Pctc, f) => ({
    message: `${label(p, f)}: it is payable only as the professional interpretation, billed with modifier 26.`,
    detail: `Append 26 to line ${f.lines[0]}.`,
  }),
  'pctc.global-in-facility': (p: InFacility, f) => ({
    message: `${label(p, f)}, billed globally in facility place of service ${p.pos}: when the facility owns the equipment it bills the technical component and the physician bills only 26.`,
    detail: `Append 26 to line ${f.lines[0]} unless the practice owns the equipment there.`,
  }),
  'pctc.tc-in-hospital': (p: InFacility, f) => ({
    message: `${label(p, f)}, billed with TC in facility place of service ${p.pos}: the facility bills the technical component on its own claim, not the physician.`,
    detail: `If you interpreted the study, bill 26 instead of TC; otherwise remove line ${f.lines[0]}.`,
  }),
  'pctc.global-in-hospital': (p: InFacility, f) => ({
    message: `${label(p, f)}, billed globally in facility place of service ${p.pos}. The facility owns the equipment and bills the technical component, so the physician bills only the professional component with modifier 26; global billing belongs to a non-facility setting where the practice owns the equipment.`,
    detail: `Append 26 to line ${f.lines[0]}: in a facility only the professional component is yours to bill.`,
  }),
} satisfies Record<string, Template<never>>;
