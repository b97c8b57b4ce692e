import { PayerTypeSchema } from '../../claim/claim.schema';
import { FieldError, fieldError } from '../field-error';
import type { JsonObject } from '../normalize/read-field';
import { payerTypeOf } from '../../x12/x12-values';
import { codeFrom, codings, npiOf, object, objects, postalCodeOf, resolve, text } from './fhir-read';
import { ICD10_SYSTEMS, POS_SYSTEMS, PROCEDURE_SYSTEMS } from './fhir-systems';

type Bundle = ReadonlyMap<string, JsonObject>;

/** FHIR R4 Claim -> canonical-JSON shape for normalizeClaim, plus problems only FHIR can have. */
export function fhirClaimInput(claim: JsonObject, bundle: Bundle): { input: JsonObject; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const provider = resolve(claim.provider, claim, bundle);
  if (claim.provider && !provider)
    errors.push(fieldError('billingProvider', 'FHIR_REFERENCE_UNRESOLVED', 'Claim.provider does not resolve', 'Claim.provider'));
  const facility = resolve(claim.facility, claim, bundle);
  const diagnosisBySequence = diagnoses(claim);
  const careTeam = careTeamNpis(claim, bundle);
  const rendering = careTeam.primary;
  const input: JsonObject = {
    submitterClaimId: text(objects(claim.identifier)[0]?.value) ?? text(claim.id),
    claimType: codings(claim.type).find((c) => c.code === 'professional' || c.code === 'institutional')?.code,
    payer: payer(claim, bundle),
    billingProvider: provider ? { npi: npiOf(provider), zip: postalCodeOf(provider) } : undefined,
    renderingProviderNpi: rendering,
    serviceFacility: facility ? { npi: npiOf(facility), zip: postalCodeOf(facility) } : undefined,
    diagnoses: diagnosisBySequence.codes,
    lines: objects(claim.item).map((item, i) => line(item, i, diagnosisBySequence.pointer, careTeam, errors)),
  };
  return { input, errors };
}

function diagnoses(claim: JsonObject): { codes: string[]; pointer: Map<number, number> } {
  const sorted = objects(claim.diagnosis).sort((a, b) => Number(a.sequence ?? 0) - Number(b.sequence ?? 0));
  const pointer = new Map<number, number>();
  const codes = sorted.map((d, i) => {
    pointer.set(Number(d.sequence ?? i + 1), i + 1);
    return codeFrom(d.diagnosisCodeableConcept, ICD10_SYSTEMS).code ?? '';
  });
  return { codes, pointer };
}

interface CareTeam {
  readonly primary?: string;
  readonly bySequence: Map<number, string | undefined>;
}

function careTeamNpis(claim: JsonObject, bundle: Bundle): CareTeam {
  const members = objects(claim.careTeam);
  const bySequence = new Map(members.map((m) => [Number(m.sequence), npiOf(resolve(m.provider, claim, bundle))] as const));
  const primary = members.find((m) => codings(m.role).some((c) => c.code === 'primary' || c.code === 'performing')) ?? members[0];
  return { primary: primary ? bySequence.get(Number(primary.sequence)) : undefined, bySequence };
}

function payer(claim: JsonObject, bundle: Bundle): JsonObject | undefined {
  const insurance = objects(claim.insurance);
  const focal = insurance.find((i) => i.focal === true) ?? insurance[0];
  const coverage = focal ? resolve(focal.coverage, claim, bundle) : undefined;
  const payor = resolve(objects(coverage?.payor)[0], claim, bundle) ?? resolve(claim.insurer, claim, bundle);
  const id = text(objects(payor?.identifier)[0]?.value) ?? text(object(payor?.identifier)?.value);
  const code = codings(coverage?.type).find((c) => c.code)?.code;
  const type = code === undefined ? undefined : PayerTypeSchema.safeParse(code).success ? code : payerTypeOf(code);
  return id || type ? { type, id } : undefined;
}

function line(item: JsonObject, i: number, pointer: Map<number, number>, careTeam: CareTeam, errors: FieldError[]): JsonObject {
  const procedure = codeFrom(item.productOrService, PROCEDURE_SYSTEMS);
  if (procedure.other)
    errors.push(
      fieldError(
        `lines[${i}].code`,
        'FHIR_CODE_SYSTEM',
        `productOrService must be coded in CPT or HCPCS, got ${procedure.other}`,
        `Claim.item[${i}].productOrService`,
      ),
    );
  const pos = codeFrom(item.locationCodeableConcept, POS_SYSTEMS);
  if (pos.other)
    errors.push(
      fieldError(
        `lines[${i}].placeOfService`,
        'FHIR_CODE_SYSTEM',
        `locationCodeableConcept must use the CMS place-of-service code set, got ${pos.other}`,
        `Claim.item[${i}].locationCodeableConcept`,
      ),
    );
  const quantity = object(item.quantity)?.value;
  const units = quantity ?? 1; // FHIR leaves quantity optional; absent means one.
  const net = object(item.net)?.value;
  const unitPrice = object(item.unitPrice)?.value;
  const lineNpi = careTeam.bySequence.get(Number((item.careTeamSequence as unknown[] | undefined)?.[0]));
  const pointers = Array.isArray(item.diagnosisSequence)
    ? item.diagnosisSequence.map((s) => pointer.get(Number(s)) ?? `sequence ${String(s)}`)
    : [];
  return {
    lineNumber: item.sequence,
    code: procedure.code,
    modifiers: objects(item.modifier).map((m) => codings(m)[0]?.code ?? ''),
    units,
    charge: typeof net === 'number' ? net : typeof unitPrice === 'number' && typeof units === 'number' ? unitPrice * units : undefined,
    dateOfService: (text(item.servicedDate) ?? text(object(item.servicedPeriod)?.start))?.slice(0, 10),
    placeOfService: pos.code,
    diagnosisPointers: pointers,
    renderingProviderNpi: lineNpi !== careTeam.primary ? lineNpi : undefined,
  };
}
