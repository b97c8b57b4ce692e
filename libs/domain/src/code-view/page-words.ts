import type { Dataset } from '../refdata/release';

/**
 * The reference datasets as a biller knows them: the CMS file each comes from, never our dataset ids
 * (PFS relative value file, GPCI and locality files, the NCCI PTP, MUE and add-on code files).
 */
export const DATASET_NAMES: Readonly<Record<Dataset, string>> = {
  'mpfs-rvu': 'Physician Fee Schedule RVUs',
  'mpfs-gpci': 'geographic cost indices (GPCIs)',
  'mpfs-locco': 'payment locality list',
  'mpfs-anes': 'anesthesia conversion factors',
  'mpfs-oppscap': 'outpatient hospital payment caps (OPPS cap)',
  'mpfs-zip5': 'ZIP code to locality list',
  'ncci-ptp-practitioner': 'NCCI bundling pairs (PTP), practitioner',
  'ncci-ptp-hospital': 'NCCI bundling pairs (PTP), outpatient hospital',
  'ncci-mue-practitioner': 'NCCI unit limits (MUE), practitioner',
  'ncci-mue-hospital': 'NCCI unit limits (MUE), outpatient hospital',
  'ncci-mue-dme': 'NCCI unit limits (MUE), DME supplier',
  'ncci-addon': 'NCCI add-on code list',
};

const DATASET_ID = new RegExp(
  `(?<![\\w-])(${Object.keys(DATASET_NAMES)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\w-])`,
  'g',
);

/** A dataset's name in words; an id we do not know is returned as it is. */
export function datasetName(dataset: string): string {
  return (DATASET_NAMES as Readonly<Record<string, string>>)[dataset] ?? dataset;
}

/** A message meant for a page with every dataset id in it said by name ("No ncci-addon release…" -> "No NCCI add-on code list release…"). */
export function inWords(text: string): string {
  return text.replace(DATASET_ID, (id) => datasetName(id));
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  rvu: 'RVU',
  pe: 'PE',
  mp: 'MP',
  mai: 'MAI',
  pctc: 'PC/TC',
  gpci: 'GPCI',
  mue: 'MUE',
};

/** A field of a release row in words: `conversionFactor` -> "conversion factor", `nonFacilityPeRvu` -> "non-facility PE RVU". */
export function fieldWords(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ')
    .replace(/\bnon facility\b/g, 'non-facility');
}
