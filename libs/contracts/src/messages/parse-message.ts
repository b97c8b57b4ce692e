import type { z } from 'zod';
import { err, ok, type Result } from '@claimflow/domain';
import { compiledCheck } from './compiled-check';
import type { FieldError } from './claim-messages';

/**
 * Decodes and validates a Kafka value against its contract; every problem is reported, none thrown. A value its
 * schema's compiled check passes is the parse as it is (compiledCheck); any other is parsed by zod, which drops
 * unknown keys and names each error.
 */
export function parseMessage<S extends z.ZodTypeAny>(
  schema: S,
  value: Buffer | string | null | undefined,
): Result<z.infer<S>, FieldError[]> {
  if (value === null || value === undefined) return err([{ path: '', code: 'EMPTY_MESSAGE', message: 'message has no value' }]);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.isBuffer(value) ? value.toString('utf8') : value);
  } catch (e) {
    return err([{ path: '', code: 'MALFORMED_JSON', message: `value is not JSON: ${(e as Error).message}` }]);
  }
  if (compiledCheck(schema)?.(json)) return ok(json as z.infer<S>);
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: 'SCHEMA_VIOLATION', message: i.message })));
}
