import { PayerTypeSchema, type Claim } from '../../claim/claim.schema';
import { FieldError, fieldError } from '../field-error';
import { readNpi, readZip } from './check-identifiers';
import { canonicalIcd10, isIcd10Form } from './codes';
import { readPlaceOfService } from './normalize-line';
import { compact, JsonObject, readArray, readObject, readText } from './read-field';

export type HeaderDraft = Partial<Omit<Claim, 'claimId' | 'lines' | 'submitterId'>>;

export function normalizeHeader(input: JsonObject, errors: FieldError[]): HeaderDraft {
  return compact({
    submitterClaimId: readSubmitterClaimId(input.submitterClaimId, errors),
    claimType: readEnum(input.claimType, 'claimType', ['professional', 'institutional'], 'VALUE_INVALID', errors),
    frequencyCode: readEnum(input.frequencyCode, 'frequencyCode', ['1', '7', '8'], 'FREQUENCY_INVALID', errors),
    placeOfService: readPlaceOfService(input.placeOfService, 'placeOfService', errors),
    payer: readPayer(input.payer, errors),
    billingProvider: readBillingProvider(input.billingProvider, errors),
    renderingProviderNpi: readNpi(input.renderingProviderNpi, 'renderingProviderNpi', errors),
    serviceFacility: readServiceFacility(input.serviceFacility, errors),
    locality: readLocality(input.locality, errors),
    diagnoses: readDiagnoses(input.diagnoses, errors),
  });
}

function readSubmitterClaimId(value: unknown, errors: FieldError[]): string | undefined {
  const id = readText(value, 'submitterClaimId', errors, true);
  if (id === undefined || id.length <= 38) return id;
  errors.push(fieldError('submitterClaimId', 'TOO_LONG', 'submitterClaimId is at most 38 characters (837P CLM01)'));
  return undefined;
}

function readEnum<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  code: 'VALUE_INVALID' | 'FREQUENCY_INVALID',
  errors: FieldError[],
): T | undefined {
  const text = readText(value, path, errors);
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  errors.push(fieldError(path, code, `${path} must be one of ${allowed.join(', ')}`));
  return undefined;
}

function readPayer(value: unknown, errors: FieldError[]): HeaderDraft['payer'] {
  const payer = readObject(value, 'payer', errors);
  if (payer === undefined) return undefined;
  const type = readText(payer.type, 'payer.type', errors) ?? 'medicare-part-b';
  const parsed = PayerTypeSchema.safeParse(type);
  if (!parsed.success)
    errors.push(fieldError('payer.type', 'PAYER_TYPE_INVALID', `payer.type must be one of ${PayerTypeSchema.options.join(', ')}`));
  const id = readText(payer.id, 'payer.id', errors);
  if (id !== undefined && id.length > 80) errors.push(fieldError('payer.id', 'TOO_LONG', 'payer.id is at most 80 characters'));
  return parsed.success ? compact({ type: parsed.data, id }) : undefined;
}

function readBillingProvider(value: unknown, errors: FieldError[]): HeaderDraft['billingProvider'] {
  const provider = readObject(value, 'billingProvider', errors, true);
  if (provider === undefined) return undefined;
  const npi = readNpi(provider.npi, 'billingProvider.npi', errors, true);
  const zip = readZip(provider.zip, 'billingProvider.zip', errors);
  return npi === undefined ? undefined : compact({ npi, zip });
}

function readServiceFacility(value: unknown, errors: FieldError[]): HeaderDraft['serviceFacility'] {
  const facility = readObject(value, 'serviceFacility', errors);
  if (facility === undefined) return undefined;
  const result = compact({
    npi: readNpi(facility.npi, 'serviceFacility.npi', errors),
    zip: readZip(facility.zip, 'serviceFacility.zip', errors),
  });
  return Object.keys(result).length ? result : undefined;
}

function readLocality(value: unknown, errors: FieldError[]): HeaderDraft['locality'] {
  const locality = readObject(value, 'locality', errors);
  if (locality === undefined) return undefined;
  const carrier = readText(locality.carrier, 'locality.carrier', errors, true);
  const area = readText(locality.locality, 'locality.locality', errors, true);
  const okCarrier = carrier !== undefined && /^\d{5}$/.test(carrier);
  const okArea = area !== undefined && /^\d{2}$/.test(area);
  if (carrier !== undefined && !okCarrier) errors.push(fieldError('locality.carrier', 'LOCALITY_INVALID', 'carrier is 5 digits'));
  if (area !== undefined && !okArea) errors.push(fieldError('locality.locality', 'LOCALITY_INVALID', 'locality is 2 digits'));
  return okCarrier && okArea ? { carrier: carrier as string, locality: area as string } : undefined;
}

function readDiagnoses(value: unknown, errors: FieldError[]): string[] {
  const raw = readArray(value, 'diagnoses', errors);
  if (raw.length > 12)
    errors.push(fieldError('diagnoses', 'TOO_MANY_DIAGNOSES', `at most 12 diagnoses per claim, got ${raw.total ?? raw.length}`));
  const codes: string[] = [];
  raw.forEach((item, i) => {
    const text = readText(item, `diagnoses[${i}]`, errors, true);
    if (text === undefined) return;
    const code = canonicalIcd10(text);
    if (isIcd10Form(code)) codes.push(code);
    else errors.push(fieldError(`diagnoses[${i}]`, 'ICD10_FORMAT', 'not an ICD-10-CM code'));
  });
  return codes;
}
