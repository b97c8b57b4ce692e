import { FieldError, fieldError } from '../field-error';
import { isValidNpi } from './npi';
import { canonicalZip } from './codes';
import { readText } from './read-field';

export function readNpi(value: unknown, path: string, errors: FieldError[], required = false): string | undefined {
  const npi = readText(value, path, errors, required);
  if (npi === undefined) return undefined;
  if (!/^\d{10}$/.test(npi)) {
    errors.push(fieldError(path, 'NPI_FORMAT', 'NPI must be 10 digits'));
    return undefined;
  }
  if (!isValidNpi(npi)) {
    errors.push(fieldError(path, 'NPI_CHECK_DIGIT', 'the NPI fails the Luhn check digit'));
    return undefined;
  }
  return npi;
}

export function readZip(value: unknown, path: string, errors: FieldError[]): string | undefined {
  const raw = readText(value, path, errors);
  if (raw === undefined) return undefined;
  const zip = canonicalZip(raw);
  if (/^\d{5}(\d{4})?$/.test(zip)) return zip;
  errors.push(fieldError(path, 'ZIP_FORMAT', `${path} must be 5 or 9 digits`));
  return undefined;
}
