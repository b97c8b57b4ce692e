import type { Claim } from '../../claim/claim.schema';
import { err, type Result } from '../../shared/result';
import { FieldError, fieldError } from '../field-error';
import { normalizeClaim } from '../normalize/normalize-claim';
import { isRecord, type JsonObject } from '../normalize/read-field';
import { fhirClaimInput } from './fhir-claim-input';
import { unknownBundleElements, unknownClaimElements } from './fhir-elements';
import { objects, text } from './fhir-read';

export interface FromFhirOptions {
  /** ClaimFlow id for the n-th Claim (0-based); defaults to `fhir-<Claim.id or n+1>`. */
  readonly claimIdFor?: (claim: JsonObject, index: number) => string;
  readonly submitterId?: string;
}

/** One Claim of a FHIR submission, with what identifies it even when it fails. */
export interface FhirClaimResult {
  /** Position among the Claims of the resource (0-based). */
  readonly index: number;
  readonly fhirId?: string;
  readonly submitterClaimId?: string;
  readonly result: Result<Claim, FieldError[]>;
}

/** A FHIR R4 Claim, or a Bundle of them, as canonical claims: one result per Claim. */
export function fromFhir(resource: unknown, options: FromFhirOptions = {}): Result<Claim, FieldError[]>[] {
  return readFhir(resource, options).map((r) => r.result);
}

/** fromFhir with each Claim's position, FHIR id and submitter claim id. */
export function readFhir(resource: unknown, options: FromFhirOptions = {}): FhirClaimResult[] {
  const failed = (error: FieldError): FhirClaimResult[] => [{ index: 0, result: err([error]) }];
  if (!isRecord(resource)) return failed(fieldError('', 'TYPE_INVALID', 'a FHIR resource must be a JSON object'));
  if (resource.resourceType === 'Claim') return [fromClaim(resource, 0, new Map(), options)];
  if (resource.resourceType !== 'Bundle') {
    return failed(
      fieldError(
        '',
        'FHIR_RESOURCE_UNSUPPORTED',
        `expected a Claim or a Bundle of Claims, got ${String(resource.resourceType)}`,
        'resourceType',
      ),
    );
  }
  const resources = objects(resource.entry).map((e) => ({
    fullUrl: text(e.fullUrl),
    resource: isRecord(e.resource) ? e.resource : undefined,
  }));
  const index = new Map<string, JsonObject>();
  for (const { fullUrl, resource: r } of resources) {
    if (!r) continue;
    if (fullUrl) index.set(fullUrl, r);
    if (typeof r.id === 'string') index.set(`${String(r.resourceType)}/${r.id}`, r);
  }
  const claims = resources.flatMap(({ resource: r }) => (r?.resourceType === 'Claim' ? [r] : []));
  if (claims.length === 0) return failed(fieldError('', 'FHIR_RESOURCE_UNSUPPORTED', 'the Bundle holds no Claim', 'Bundle.entry'));
  // An unknown element in the Bundle itself concerns every Claim in it.
  const bundleErrors = unknownBundleElements(resource);
  return claims.map((claim, i) => fromClaim(claim, i, index, options, bundleErrors));
}

function fromClaim(
  claim: JsonObject,
  index: number,
  bundle: ReadonlyMap<string, JsonObject>,
  options: FromFhirOptions,
  bundleErrors: readonly FieldError[] = [],
): FhirClaimResult {
  const read = fhirClaimInput(claim, bundle);
  const { input } = read;
  const errors = [...bundleErrors, ...unknownClaimElements(claim), ...read.errors];
  const fhirId = typeof claim.id === 'string' ? claim.id : undefined;
  const submitterClaimId = typeof input.submitterClaimId === 'string' ? input.submitterClaimId : undefined;
  return { index, fhirId, submitterClaimId, result: normalizeFhir(claim, index, input, errors, options) };
}

function normalizeFhir(
  claim: JsonObject,
  index: number,
  input: JsonObject,
  errors: FieldError[],
  options: FromFhirOptions,
): Result<Claim, FieldError[]> {
  const claimId = options.claimIdFor?.(claim, index) ?? `fhir-${typeof claim.id === 'string' ? claim.id : index + 1}`;
  const normalized = normalizeClaim(input, { claimId, submitterId: options.submitterId });
  if (normalized.ok && errors.length === 0) return normalized;
  const found = normalized.ok ? [] : normalized.error.map((e) => ({ ...e, source: e.source ?? fhirSource(e.path) }));
  // A code-system problem already explains the matching REQUIRED error.
  const explained = new Set(errors.map((e) => e.path));
  return err([...errors, ...found.filter((e) => !(e.code === 'REQUIRED' && explained.has(e.path)))]);
}

/** Canonical path -> the FHIR element it came from, for messages. */
function fhirSource(path: string): string {
  return path
    .replace(/^lines\[(\d+)\]\.code/, 'Claim.item[$1].productOrService')
    .replace(/^lines\[(\d+)\]\.modifiers/, 'Claim.item[$1].modifier')
    .replace(/^lines\[(\d+)\]\.units/, 'Claim.item[$1].quantity')
    .replace(/^lines\[(\d+)\]\.dateOfService/, 'Claim.item[$1].serviced[x]')
    .replace(/^lines\[(\d+)\]\.placeOfService/, 'Claim.item[$1].locationCodeableConcept')
    .replace(/^lines\[(\d+)\]\.diagnosisPointers/, 'Claim.item[$1].diagnosisSequence')
    .replace(/^lines\[(\d+)\]/, 'Claim.item[$1]')
    .replace(/^diagnoses/, 'Claim.diagnosis')
    .replace(/^billingProvider/, 'Claim.provider')
    .replace(/^serviceFacility/, 'Claim.facility')
    .replace(/^renderingProviderNpi/, 'Claim.careTeam')
    .replace(/^payer/, 'Claim.insurance')
    .replace(/^submitterClaimId/, 'Claim.identifier');
}
