import { HCPCS_PATTERN, ICD10_PATTERN } from '../../claim/claim.schema';

/** ICD-10-CM as billed: dots and spaces removed, upper case (M54.16 -> M5416). */
export function canonicalIcd10(raw: string): string {
  return raw.replace(/[.\s]/g, '').toUpperCase();
}

export function isIcd10Form(code: string): boolean {
  return ICD10_PATTERN.test(code);
}

export function canonicalProcedureCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function isProcedureCodeForm(code: string): boolean {
  return HCPCS_PATTERN.test(code);
}

/** 12345-6789 -> 123456789; the result is only form-checked. */
export function canonicalZip(raw: string): string {
  return raw.trim().replace(/-/g, '');
}
