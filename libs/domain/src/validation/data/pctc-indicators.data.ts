/**
 * PC/TC indicators (PPRRVU record layout). Only indicator 1 codes split into 26 and TC;
 * indicator 6 codes exist only as the -26 interpretation (the test itself is paid on the lab fee schedule).
 */
export interface PctcIndicator {
  readonly meaning: string;
  readonly allows26: boolean;
  readonly allowsTc: boolean;
  /** The modifier is redundant (the code already is that component), so removing it is the only right fix. */
  readonly redundant?: '26' | 'TC';
}

export const PCTC_INDICATORS: Readonly<Record<string, PctcIndicator>> = {
  '0': { meaning: 'a physician service with no professional/technical split', allows26: false, allowsTc: false },
  '1': { meaning: 'a diagnostic test with professional (26) and technical (TC) components', allows26: true, allowsTc: true },
  '2': { meaning: 'a professional-component-only code', allows26: false, allowsTc: false, redundant: '26' },
  '3': { meaning: 'a technical-component-only code', allows26: false, allowsTc: false, redundant: 'TC' },
  '4': { meaning: 'a global test whose components have their own codes', allows26: false, allowsTc: false },
  '5': { meaning: 'an incident-to service', allows26: false, allowsTc: false },
  '6': { meaning: 'a laboratory physician interpretation (billed with 26 only)', allows26: true, allowsTc: false },
  '7': { meaning: 'a physical therapy service', allows26: false, allowsTc: false },
  '8': { meaning: 'a physician interpretation code', allows26: false, allowsTc: false },
  '9': { meaning: 'a code where the professional/technical concept does not apply', allows26: false, allowsTc: false },
};
