/**
 * A problem with one field of a submitted claim. `path` is the canonical-claim path
 * (`lines[2].modifiers[0]`, zero-based); `source` points into the submitted document
 * (X12 segment, FHIR element) when that differs.
 */
export type FieldErrorCode =
  | 'REQUIRED'
  | 'TYPE_INVALID'
  | 'VALUE_INVALID'
  | 'TOO_LONG'
  | 'CODE_FORMAT'
  | 'MODIFIER_FORMAT'
  | 'MODIFIER_UNKNOWN'
  | 'MODIFIER_DUPLICATE'
  | 'TOO_MANY_MODIFIERS'
  | 'UNITS_INVALID'
  | 'CHARGE_INVALID'
  | 'POS_UNKNOWN'
  | 'DATE_INVALID'
  | 'NPI_FORMAT'
  | 'NPI_CHECK_DIGIT'
  | 'ZIP_FORMAT'
  | 'ICD10_FORMAT'
  | 'TOO_MANY_DIAGNOSES'
  | 'POINTER_INVALID'
  | 'TOO_MANY_POINTERS'
  | 'LINE_NUMBER_INVALID'
  | 'LINE_NUMBER_DUPLICATE'
  | 'TOO_MANY_LINES'
  | 'TOO_MANY_CLAIMS'
  | 'FREQUENCY_INVALID'
  // A void (frequency 8) that names no earlier claim of its submitter: there is nothing to void.
  | 'NOTHING_TO_VOID'
  | 'PAYER_TYPE_INVALID'
  | 'LOCALITY_INVALID'
  | 'SCHEMA'
  | 'FIELD_UNKNOWN'
  | 'TOO_MANY_ERRORS'
  // Problems with the bytes themselves, before any format is read.
  | 'ENCODING_INVALID'
  | 'NUL_CHARACTER'
  | 'JSON_MALFORMED'
  // Format-level problems (X12 envelope and syntax, FHIR structure).
  | 'X12_ISA_INVALID'
  | 'X12_SEGMENT_INVALID'
  | 'X12_SEGMENT_UNEXPECTED'
  | 'X12_ELEMENT_INVALID'
  | 'X12_CONTROL_MISMATCH'
  | 'X12_SEGMENT_COUNT'
  | 'X12_TRANSACTION_COUNT'
  | 'X12_GROUP_COUNT'
  | 'X12_VERSION_UNSUPPORTED'
  | 'X12_ENVELOPE_INCOMPLETE'
  | 'X12_TOTAL_MISMATCH'
  | 'X12_INTERCHANGE_REFUSED'
  | 'FHIR_RESOURCE_UNSUPPORTED'
  | 'FHIR_REFERENCE_UNRESOLVED'
  | 'FHIR_CODE_SYSTEM';

export interface FieldError {
  readonly path: string;
  readonly code: FieldErrorCode;
  readonly message: string;
  readonly source?: string;
}

export function fieldError(path: string, code: FieldErrorCode, message: string, source?: string): FieldError {
  return source === undefined ? { path, code, message } : { path, code, message, source };
}
