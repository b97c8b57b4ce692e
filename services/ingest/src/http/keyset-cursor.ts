import { z } from 'zod';

/**
 * Where a page of a keyset list ended (GET /v1/claims, GET /v1/submissions): the last item's receipt time (UTC,
 * milliseconds, as the ledger stores it) and id.
 */
export interface ListPosition {
  readonly receivedAt: string;
  readonly id: string;
}

const CURSOR_VERSION = 1;

const CursorSchema = z.strictObject({
  v: z.literal(CURSOR_VERSION),
  r: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  i: z.uuid(),
});

/** The opaque cursor: base64url of a small JSON document, never an offset. */
export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, r: position.receivedAt, i: position.id }), 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined when it is not one this service wrote. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = CursorSchema.safeParse(document);
  if (!parsed.success || Number.isNaN(Date.parse(parsed.data.r))) return undefined;
  return { receivedAt: parsed.data.r, id: parsed.data.i.toLowerCase() };
}
