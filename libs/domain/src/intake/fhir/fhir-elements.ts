import { fieldError, type FieldError } from '../field-error';
import { isRecord, type JsonObject } from '../normalize/read-field';

const COMMON = ['id', 'extension', 'modifierExtension'];
const RESOURCE = [...COMMON, 'resourceType', 'meta', 'implicitRules', 'language', 'text', 'contained'];

/** FHIR R4 elements of Claim, Claim.item, Bundle and Bundle.entry (hl7.org/fhir/R4/claim.html, bundle.html). */
const ELEMENTS = {
  Claim: new Set([
    ...RESOURCE,
    ...['identifier', 'status', 'type', 'subType', 'use', 'patient', 'billablePeriod', 'created', 'enterer', 'insurer', 'provider'],
    ...['priority', 'fundsReserve', 'related', 'prescription', 'originalPrescription', 'payee', 'referral', 'facility', 'careTeam'],
    ...['supportingInfo', 'diagnosis', 'procedure', 'insurance', 'accident', 'item', 'total'],
  ]),
  item: new Set([
    ...COMMON,
    ...['sequence', 'careTeamSequence', 'diagnosisSequence', 'procedureSequence', 'informationSequence', 'revenue', 'category'],
    ...['productOrService', 'modifier', 'programCode', 'servicedDate', 'servicedPeriod', 'locationCodeableConcept'],
    ...['locationAddress', 'locationReference', 'quantity', 'unitPrice', 'factor', 'net', 'udi', 'bodySite', 'subSite', 'encounter'],
    'detail',
  ]),
  Bundle: new Set([...RESOURCE.filter((e) => e !== 'text' && e !== 'contained' && e !== 'extension' && e !== 'modifierExtension')]),
  entry: new Set([...COMMON, 'link', 'fullUrl', 'resource', 'search', 'request', 'response']),
};
['identifier', 'type', 'timestamp', 'total', 'link', 'entry', 'signature'].forEach((e) => ELEMENTS.Bundle.add(e));

const MAX_REPORTED = 20;

/** A key is an element, or `_element` (a primitive's id and extensions). */
const known = (set: ReadonlySet<string>, key: string) => set.has(key) || (key.startsWith('_') && set.has(key.slice(1)));

function check(value: JsonObject, set: ReadonlySet<string>, path: string, found: FieldError[]): void {
  for (const key of Object.keys(value)) {
    if (found.length >= MAX_REPORTED) return;
    if (!known(set, key))
      found.push(fieldError(`${path}.${key}`, 'FIELD_UNKNOWN', `${path}.${key} is not a FHIR R4 element`, `${path}.${key}`));
  }
}

/** Keys of a Claim (and its items) that FHIR R4 does not define, by FHIR path. */
export function unknownClaimElements(claim: JsonObject, path = 'Claim'): FieldError[] {
  const found: FieldError[] = [];
  check(claim, ELEMENTS.Claim, path, found);
  const items = Array.isArray(claim.item) ? claim.item : [];
  items.forEach((item, i) => isRecord(item) && check(item, ELEMENTS.item, `${path}.item[${i}]`, found));
  return found;
}

/** Keys of a Bundle and its entries that FHIR R4 does not define. */
export function unknownBundleElements(bundle: JsonObject): FieldError[] {
  const found: FieldError[] = [];
  check(bundle, ELEMENTS.Bundle, 'Bundle', found);
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  entries.forEach((entry, i) => isRecord(entry) && check(entry, ELEMENTS.entry, `Bundle.entry[${i}]`, found));
  return found;
}
