import { err, ok, type Result } from '../../shared/result';
import { fieldError, type FieldError } from '../field-error';
import { invalidUtf8Offset } from './utf8';

/** Path of the first string (value or key) holding a NUL character, or undefined. Iterative: any depth. */
export function findNul(value: unknown): string | undefined {
  interface Frame {
    readonly value: unknown;
    readonly parent?: Frame;
    readonly key?: string | number;
  }
  const stack: Frame[] = [{ value }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const v = frame.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return pathOf(frame);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], parent: frame, key: i });
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        if (keys[i].includes('\u0000')) return pathOf({ value: undefined, parent: frame, key: '(a key)' });
        stack.push({ value: (v as Record<string, unknown>)[keys[i]], parent: frame, key: keys[i] });
      }
    }
  }
  return undefined;

  function pathOf(frame: Frame): string {
    const keys: (string | number)[] = [];
    for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
    return keys.reverse().reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
  }
}

/** A NUL anywhere in a parsed document, as the error that names where it is. */
export function nulError(value: unknown): FieldError | undefined {
  const path = findNul(value);
  return path === undefined ? undefined : fieldError(path, 'NUL_CHARACTER', `${path || 'the document'} holds a NUL character (U+0000)`);
}

/**
 * The bytes of a JSON request as a document: well-formed UTF-8 (the offset of the first bad
 * byte otherwise), valid JSON, and no NUL character in any string or key.
 */
export function readJsonBody(bytes: Uint8Array): Result<unknown, FieldError> {
  let text: string;
  try {
    // The platform decoder checks fast; the offset is looked for only when it refuses.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = Math.max(0, invalidUtf8Offset(bytes));
    return err(fieldError('', 'ENCODING_INVALID', `the body is not UTF-8: invalid byte at offset ${bad}`, `byte ${bad}`));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 says where ("at position 12"); the rest of its message may quote the input, so only the position is kept.
    const at = /position (\d{1,12})/.exec(String((error as Error).message))?.[1];
    return err(fieldError('', 'JSON_MALFORMED', `the body is not valid JSON${at ? ` (at character ${at})` : ''}`));
  }
  // JSON text can only carry a NUL as the escape \u0000 (a raw one is a syntax error): no escape, no walk.
  const nul = /\\u0000/i.test(text) ? nulError(value) : undefined;
  return nul ? err(nul) : ok(value);
}
