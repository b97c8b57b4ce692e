import type { ClaimLine } from '../../claim/claim.schema';
import { isValidIsoDate } from '../../shared/dates';
import { FieldError, fieldError } from '../field-error';
import { canonicalProcedureCode, isProcedureCodeForm } from './codes';
import { readNpi } from './check-identifiers';
import { isKnownModifier } from './modifier.table';
import { isKnownPlaceOfService } from '../../claim/place-of-service.table';
import { compact, isRecord, readArray, readNumber, readObject, readText, shown } from './read-field';

export type LineDraft = Omit<ClaimLine, 'diagnosisPointers'> & { diagnosisPointers: number[] };

export interface LineContext {
  readonly index: number;
  readonly diagnosisCount: number;
}

export function normalizeLine(input: unknown, ctx: LineContext, errors: FieldError[]): Partial<LineDraft> {
  const at = `lines[${ctx.index}]`;
  if (!isRecord(input)) {
    errors.push(fieldError(at, 'TYPE_INVALID', `${at} must be an object`));
    return {};
  }
  return compact({
    lineNumber: readLineNumber(input.lineNumber, ctx.index, `${at}.lineNumber`, errors),
    code: readCode(input.code, `${at}.code`, errors),
    modifiers: readModifiers(input.modifiers, `${at}.modifiers`, errors),
    units: readUnits(input.units, `${at}.units`, errors),
    charge: readCharge(input.charge, `${at}.charge`, errors),
    dateOfService: readDate(input.dateOfService, `${at}.dateOfService`, errors, true),
    placeOfService: readPlaceOfService(input.placeOfService, `${at}.placeOfService`, errors),
    diagnosisPointers: readPointers(input.diagnosisPointers, ctx.diagnosisCount, `${at}.diagnosisPointers`, errors),
    renderingProviderNpi: readNpi(input.renderingProviderNpi, `${at}.renderingProviderNpi`, errors),
    documentation: readDocumentation(input.documentation, `${at}.documentation`, errors),
  });
}

function readLineNumber(value: unknown, index: number, path: string, errors: FieldError[]): number | undefined {
  if (value === undefined || value === null) return index + 1;
  const n = readNumber(value);
  if (n !== undefined && Number.isInteger(n) && n > 0) return n;
  errors.push(fieldError(path, 'LINE_NUMBER_INVALID', `line number must be a positive integer, got ${shown(value)}`));
  return undefined;
}

function readCode(value: unknown, path: string, errors: FieldError[]): string | undefined {
  const raw = readText(value, path, errors, true);
  if (raw === undefined) return undefined;
  const code = canonicalProcedureCode(raw);
  if (isProcedureCodeForm(code)) return code;
  errors.push(fieldError(path, 'CODE_FORMAT', `${shown(raw)} is not a 5-character CPT/HCPCS code`));
  return undefined;
}

function readModifiers(value: unknown, path: string, errors: FieldError[]): string[] {
  const raw = readArray(value, path, errors);
  if (raw.length > 4) errors.push(fieldError(path, 'TOO_MANY_MODIFIERS', `at most 4 modifiers per line, got ${raw.total ?? raw.length}`));
  const seen = new Set<string>();
  const modifiers: string[] = [];
  raw.forEach((item, i) => {
    const text = readText(item, `${path}[${i}]`, errors, true);
    if (text === undefined) return;
    const modifier = text.toUpperCase();
    if (!/^[0-9A-Z]{2}$/.test(modifier)) {
      errors.push(fieldError(`${path}[${i}]`, 'MODIFIER_FORMAT', `modifier must be 2 letters or digits, got ${shown(text)}`));
    } else if (!isKnownModifier(modifier)) {
      errors.push(fieldError(`${path}[${i}]`, 'MODIFIER_UNKNOWN', `modifier ${modifier} is not a known CPT/HCPCS modifier`));
    } else if (seen.has(modifier)) {
      errors.push(fieldError(`${path}[${i}]`, 'MODIFIER_DUPLICATE', `modifier ${modifier} appears twice`));
    } else {
      seen.add(modifier);
      modifiers.push(modifier);
    }
  });
  return modifiers;
}

function readUnits(value: unknown, path: string, errors: FieldError[]): number | undefined {
  if (value === undefined || value === null || value === '') {
    errors.push(fieldError(path, 'REQUIRED', `${path} is required`));
    return undefined;
  }
  const n = readNumber(value);
  if (n !== undefined && Number.isInteger(n) && n > 0) return n;
  errors.push(fieldError(path, 'UNITS_INVALID', `units must be a positive whole number, got ${shown(value)}`));
  return undefined;
}

function readCharge(value: unknown, path: string, errors: FieldError[]): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = readNumber(value);
  if (n !== undefined && Number.isFinite(n) && n >= 0) return n;
  errors.push(fieldError(path, 'CHARGE_INVALID', `charge must be a non-negative amount, got ${shown(value)}`));
  return undefined;
}

export function readDate(value: unknown, path: string, errors: FieldError[], required: boolean): string | undefined {
  const text = readText(value, path, errors, required);
  if (text === undefined) return undefined;
  if (isValidIsoDate(text)) return text;
  errors.push(fieldError(path, 'DATE_INVALID', `${path} is not a valid YYYY-MM-DD date`));
  return undefined;
}

export function readPlaceOfService(value: unknown, path: string, errors: FieldError[], required = false): string | undefined {
  const text = readText(value, path, errors, required);
  if (text === undefined) return undefined;
  const pos = /^\d$/.test(text) ? `0${text}` : text;
  if (isKnownPlaceOfService(pos)) return pos;
  errors.push(fieldError(path, 'POS_UNKNOWN', `${shown(text)} is not a CMS place-of-service code`));
  return undefined;
}

function readPointers(value: unknown, diagnosisCount: number, path: string, errors: FieldError[]): number[] {
  const raw = readArray(value, path, errors);
  if (raw.length > 4)
    errors.push(fieldError(path, 'TOO_MANY_POINTERS', `at most 4 diagnosis pointers per line, got ${raw.total ?? raw.length}`));
  const pointers: number[] = [];
  raw.forEach((item, i) => {
    const n = readNumber(item);
    if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= Math.min(12, diagnosisCount)) pointers.push(n);
    else
      errors.push(
        fieldError(`${path}[${i}]`, 'POINTER_INVALID', `pointer ${shown(item)} does not point at one of the ${diagnosisCount} diagnoses`),
      );
  });
  return pointers;
}

function readDocumentation(value: unknown, path: string, errors: FieldError[]): LineDraft['documentation'] {
  const doc = readObject(value, path, errors);
  if (doc === undefined) return undefined;
  const flag = (key: string): boolean | undefined => {
    if (doc[key] === undefined || typeof doc[key] === 'boolean') return doc[key] as boolean | undefined;
    errors.push(fieldError(`${path}.${key}`, 'TYPE_INVALID', `${key} must be true or false`));
    return undefined;
  };
  const minutes = doc.fluoroscopyMinutes;
  if (minutes !== undefined && !(typeof minutes === 'number' && minutes >= 0)) {
    errors.push(fieldError(`${path}.fluoroscopyMinutes`, 'VALUE_INVALID', 'fluoroscopyMinutes must be a non-negative number'));
  }
  return compact({
    signedReport: flag('signedReport'),
    fluoroscopyMinutes: typeof minutes === 'number' && minutes >= 0 ? minutes : undefined,
    imagesSaved: flag('imagesSaved'),
  });
}
