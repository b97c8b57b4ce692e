import { bodyErrorHandler, malformedJsonByte } from './body-errors';

function parseError(body: string): { type: string; status: number; body: string; message: string } {
  try {
    JSON.parse(body);
  } catch (e) {
    return { type: 'entity.parse.failed', status: 400, body, message: (e as Error).message };
  }
  throw new Error('expected malformed JSON');
}

function answer(error: unknown): { status: number; type: string; json: Record<string, unknown> | null; passed: unknown } {
  const out = { status: 0, type: '', json: null as Record<string, unknown> | null, passed: undefined as unknown };
  const res = {
    writeHead(code: number, headers: Record<string, string>) {
      out.status = code;
      out.type = headers['content-type'];
    },
    end(body: string) {
      out.json = JSON.parse(body) as Record<string, unknown>;
    },
  };
  bodyErrorHandler(error, {} as never, res as never, (e?: unknown) => void (out.passed = e ?? 'next'));
  return out;
}

describe('one answer to an unreadable body', () => {
  it('gives JSON_MALFORMED with the byte position, never the parser message or the body', () => {
    const secret = 'MRN-0042 \u00e9\u00e9';
    const error = parseError(`{"patient": "${secret}", }`);
    const { status, type, json } = answer(error);
    expect(status).toBe(400);
    expect(type).toBe('application/problem+json; charset=utf-8');
    expect(json).toMatchObject({
      type: 'https://claimflow.dev/problems/json-malformed',
      title: 'Bad Request',
      status: 400,
      code: 'JSON_MALFORMED',
      field: 'body',
      errors: [{ path: 'body', code: 'JSON_MALFORMED' }],
      position: malformedJsonByte(error),
    });
    expect(json!.detail).toBe(json!.message);
    expect(typeof json!.position).toBe('number');
    // Two é are four bytes: the position counts bytes, not characters.
    expect(json!.position).toBe(Buffer.byteLength(error.body.slice(0, Number(/position (\d+)/.exec(error.message)![1]))));
    expect(JSON.stringify(json)).not.toContain('MRN');
    expect(JSON.stringify(json)).not.toContain('patient');
  });

  it('answers a body too large 413 and passes on anything that is not a body error', () => {
    expect(answer({ type: 'entity.too.large', status: 413, message: 'request entity too large' })).toMatchObject({
      status: 413,
      json: { code: 'BODY_TOO_LARGE' },
    });
    expect(answer({ type: 'charset.unsupported', status: 415, message: 'unsupported charset "X"' })).toMatchObject({
      status: 415,
      json: { code: 'BODY_UNREADABLE' },
    });
    const other = new Error('boom');
    expect(answer(other).passed).toBe(other);
  });
});
