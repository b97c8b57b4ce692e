/** Code systems and identifier systems ClaimFlow reads and writes in FHIR R4. */
export const SYSTEM = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  pos: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  adjudication: 'http://terminology.hl7.org/CodeSystem/adjudication',
  careTeamRole: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole',
  editCode: 'https://claimflow.dev/fhir/CodeSystem/edit-code',
  editSeverity: 'https://claimflow.dev/fhir/CodeSystem/edit-severity',
  checkOutcome: 'https://claimflow.dev/fhir/CodeSystem/check-outcome',
} as const;

/** Spellings seen in the wild for the same systems (OIDs, http vs https). */
export const PROCEDURE_SYSTEMS: ReadonlySet<string> = new Set([
  SYSTEM.cpt,
  SYSTEM.hcpcs,
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'urn:oid:2.16.840.1.113883.6.12',
  'urn:oid:2.16.840.1.113883.6.285',
]);

export const ICD10_SYSTEMS: ReadonlySet<string> = new Set([
  SYSTEM.icd10cm,
  'http://hl7.org/fhir/sid/icd-10',
  'urn:oid:2.16.840.1.113883.6.90',
]);

export const POS_SYSTEMS: ReadonlySet<string> = new Set([
  SYSTEM.pos,
  'http://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  'urn:oid:2.16.840.1.113883.6.50',
]);

export const NPI_SYSTEMS: ReadonlySet<string> = new Set([SYSTEM.npi, 'urn:oid:2.16.840.1.113883.4.6']);
