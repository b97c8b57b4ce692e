import type { NextFunction, Request, Response } from 'express';
import { writeProblem } from '../problem/problem';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly body?: string;
  readonly message?: string;
}

/**
 * The byte offset at which JSON.parse gave up, from its message ("... at position N"), counted in UTF-8 bytes
 * of the body; null when the parser did not say.
 */
export function malformedJsonByte(error: BodyParserError): number | null {
  const at = /at position (\d+)/.exec(error.message ?? '');
  if (!at) return null;
  const chars = Number(at[1]);
  return typeof error.body === 'string' ? Buffer.byteLength(error.body.slice(0, chars), 'utf8') : chars;
}

/**
 * The one answer to a body the platform's parsers could not read, on every service: JSON_MALFORMED with the
 * byte position, BODY_TOO_LARGE, or BODY_UNREADABLE; never the parser's message, which quotes the body.
 */
export function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = (error ?? {}) as BodyParserError;
  if (typeof e.type !== 'string' || typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return next(error);
  if (e.type === 'entity.parse.failed') {
    const position = malformedJsonByte(e);
    const where = position === null ? '' : ` (at byte ${position})`;
    return writeProblem(res, 400, { code: 'JSON_MALFORMED', field: 'body', position, message: `the body is not valid JSON${where}` });
  }
  if (e.type === 'entity.too.large')
    return writeProblem(res, 413, { code: 'BODY_TOO_LARGE', field: 'body', message: 'the body is larger than this service accepts' });
  writeProblem(res, e.status, { code: 'BODY_UNREADABLE', field: 'body', message: 'the body could not be read' });
}
