/** One term the pages use, in our words, with the anchor pages link to (`/glossary#<id>`). */
export interface GlossaryTerm {
  readonly id: string;
  readonly term: string;
  readonly text: string;
}

/**
 * The terms a biller meets on ClaimFlow's pages, said plainly. Sources: the NCCI Policy Manual (general
 * correspondence, chapter I), the NCCI PTP, MUE and add-on code files' own read-me documents, and the
 * Physician Fee Schedule relative value file's read-me (CMS).
 */
export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'release',
    term: 'Release (in force)',
    text:
      'CMS publishes the NCCI edit files every quarter and the fee schedule files each year, with updates. A release is one such ' +
      'publication as loaded in ClaimFlow; the release in force is the one whose dates cover the date of service. A claim is ' +
      'checked against the releases in force on its dates.',
  },
  {
    id: 'partial-release',
    term: 'Partial release (excerpt)',
    text:
      'A release loaded from part of a CMS file, for example only some codes. A code missing from it is unknown to it, not free ' +
      'of edits or unpaid.',
  },
  {
    id: 'not-fully-checked',
    term: 'Not fully checked',
    text:
      'Nothing was denied by the checks that could be made, but at least one family of edits could not be checked against the ' +
      'release in force on the date of service (none loaded, another release used, or an excerpt). No edit then proves nothing ' +
      'for that family; the check names the families and the command that loads them.',
  },
  {
    id: 'ncci',
    term: 'NCCI',
    text:
      'The National Correct Coding Initiative: CMS edits that stop incorrect code combinations and unit counts on Medicare claims. ' +
      'It has procedure-to-procedure pairs, medically unlikely edits and the add-on code list.',
  },
  {
    id: 'ptp',
    term: 'Bundling pair (NCCI PTP)',
    text:
      'Two codes that are not paid together on the same date for the same patient by the same provider: the column 2 code is denied. ' +
      'With modifier indicator 1 an appropriate modifier may let both be paid when the services were truly separate; with 0 never.',
  },
  {
    id: 'modifier-indicator',
    term: 'Modifier indicator',
    text: 'On a bundling pair: 0 means no modifier lets both codes be paid; 1 means a fitting NCCI-associated modifier may; 9 means the edit does not apply.',
  },
  {
    id: 'mue',
    term: 'Unit limit (NCCI MUE)',
    text: 'Medically unlikely edit: the most units of a code one provider would report for one patient on one date of service.',
  },
  {
    id: 'mai',
    term: 'MAI',
    text:
      'MUE adjudication indicator: 1 limits each claim line, 2 limits the day by policy (no appeal overturns it), 3 limits the day ' +
      'on clinical grounds (documentation can win an appeal).',
  },
  {
    id: 'add-on',
    term: 'Add-on code',
    text: 'A code for work done in addition to a primary procedure; it is paid only with one of its primary codes on the same claim.',
  },
  {
    id: 'rvu',
    term: 'RVU',
    text:
      'Relative value unit: the fee schedule weighs each service by work, practice expense and malpractice RVUs; the sum, adjusted ' +
      'by the GPCIs and multiplied by the conversion factor, is the allowed amount.',
  },
  {
    id: 'gpci',
    term: 'GPCI and locality',
    text:
      'Geographic practice cost indices adjust each RVU part to the payment locality the service is billed in; national amounts use ' +
      'indices of 1.0.',
  },
  {
    id: 'facility',
    term: 'Facility and non-facility',
    text:
      'Where the service is done: in a facility (hospital, ASC) the practitioner is paid the facility amount, which has a smaller ' +
      'practice expense; in an office, the non-facility amount.',
  },
  {
    id: 'pctc',
    term: 'Professional (26) and technical (TC)',
    text: 'Many diagnostic tests split into the interpretation (modifier 26) and the equipment and staff part (modifier TC); together they are the global service.',
  },
  {
    id: 'carc',
    term: 'CARC and RARC',
    text: 'Claim adjustment reason codes (with their group, e.g. CO-97) and remittance advice remark codes (e.g. N130) say on the remittance why a line was not paid in full.',
  },
  {
    id: 'mac',
    term: 'MAC',
    text: 'Medicare Administrative Contractor: the contractor that processes Part B claims for a jurisdiction (for example JL or JH).',
  },
];
