import { fieldError, type FieldError } from '../field-error';
import { isRecord, MAX_ITEMS_READ } from './read-field';

/** The keys an object may hold: a nested spec for objects, `each` for arrays of objects, true for values. */
export interface KeySpec {
  readonly [key: string]: true | KeySpec | { readonly each: KeySpec };
}

const LINE: KeySpec = {
  lineNumber: true,
  code: true,
  modifiers: true,
  units: true,
  charge: true,
  dateOfService: true,
  placeOfService: true,
  diagnosisPointers: true,
  renderingProviderNpi: true,
  documentation: { signedReport: true, fluoroscopyMinutes: true, imagesSaved: true },
};

/** Canonical JSON claim keys (ClaimInput; claimId is accepted and ignored). Kept equal to the zod schema by a test. */
export const CLAIM_KEYS: KeySpec = {
  claimId: true,
  submitterClaimId: true,
  submitterId: true,
  claimType: true,
  frequencyCode: true,
  placeOfService: true,
  payer: { type: true, id: true },
  billingProvider: { npi: true, zip: true },
  renderingProviderNpi: true,
  serviceFacility: { npi: true, zip: true },
  locality: { carrier: true, locality: true },
  diagnoses: true,
  lines: { each: LINE },
};

/** Reports at most this many unknown keys per document; the rest are the same mistake. */
const MAX_REPORTED = 20;

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/** Every key the spec does not know, by path (`lines[1].charg%`); types are checked elsewhere. */
export function unknownKeys(value: unknown, spec: KeySpec, base = '', found: FieldError[] = []): FieldError[] {
  if (!isRecord(value)) return found;
  for (const key of Object.keys(value)) {
    if (found.length >= MAX_REPORTED) return found;
    const inner = spec[key];
    const path = join(base, key);
    if (inner === undefined) found.push(fieldError(path, 'FIELD_UNKNOWN', `${path} is not a field of a claim`));
    else if (inner === true) continue;
    else if ('each' in inner && typeof inner.each === 'object') {
      const items = value[key];
      // Only the items that are read (see readArray) are checked.
      if (Array.isArray(items))
        items.slice(0, MAX_ITEMS_READ).forEach((item, i) => unknownKeys(item, inner.each as KeySpec, `${path}[${i}]`, found));
    } else unknownKeys(value[key], inner as KeySpec, path, found);
  }
  return found;
}
