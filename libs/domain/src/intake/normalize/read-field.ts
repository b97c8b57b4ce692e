import { FieldError, fieldError } from '../field-error';

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A trimmed string; numbers are accepted because JSON writers often emit codes like 77003 unquoted. */
export function readText(value: unknown, path: string, errors: FieldError[], required = false): string | undefined {
  if (isBlank(value)) {
    if (required) errors.push(fieldError(path, 'REQUIRED', `${path} is required`));
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') {
    errors.push(fieldError(path, 'TYPE_INVALID', `${path} must be a string`));
    return undefined;
  }
  return value.trim();
}

/** A number, or a string that is one (X12 and CSV carry numbers as text). */
/** Longer than any amount or count a claim carries; longer text is not a number and is never matched. */
export const MAX_NUMBER_TEXT = 32;
const NUMBER_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A number, or a string that is one (X12 and CSV carry numbers as text). Linear time for any input. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.length > 4 * MAX_NUMBER_TEXT) return undefined;
  const text = value.trim();
  return text !== '' && text.length <= MAX_NUMBER_TEXT && NUMBER_TEXT.test(text) ? Number(text) : undefined;
}

/** No list in a claim is longer than 50 (lines); items past this are counted, never read. */
export const MAX_ITEMS_READ = 64;

/**
 * An array field, its first MAX_ITEMS_READ items (the caller reports the length from `length`).
 * Holes of a sparse array (in-process callers) read as undefined, so every item is looked at.
 */
export function readArray(value: unknown, path: string, errors: FieldError[]): unknown[] & { total?: number } {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    const items: unknown[] & { total?: number } = Array.from(value.slice(0, MAX_ITEMS_READ));
    items.total = value.length;
    return items;
  }
  errors.push(fieldError(path, 'TYPE_INVALID', `${path} must be an array`));
  return [];
}

export function readObject(value: unknown, path: string, errors: FieldError[], required = false): JsonObject | undefined {
  if (value === undefined || value === null) {
    if (required) errors.push(fieldError(path, 'REQUIRED', `${path} is required`));
    return undefined;
  }
  if (isRecord(value)) return value;
  errors.push(fieldError(path, 'TYPE_INVALID', `${path} must be an object`));
  return undefined;
}

/** Drops undefined members in place, so equal claims compare and serialize equal. */
export function compact<T extends object>(value: T): T {
  const record = value as Record<string, unknown>;
  for (const key in record) if (record[key] === undefined) delete record[key];
  return value;
}

/**
 * A submitted value as error messages may show it: short values as written, longer ones by
 * their length only, objects and arrays by their kind. Never serializes a whole value.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 20 ? `a ${value.length}-character text` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
}
