import { err, ok, type Result } from '@claimflow/domain';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface Downloaded {
  readonly status: 'ok' | 'missing';
  /** Content-Length as announced, when there was one. */
  readonly announced?: number;
  readonly received: number;
}

/** Streams a URL to a file; a 404 is `missing`, another failure or a short body is an error. */
export async function downloadTo(url: string, path: string, timeoutMs = 120_000): Promise<Result<Downloaded, string>> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    return err(`cannot reach ${url} (${(e as Error).message})`);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return ok({ status: 'missing', received: 0 });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return err(`${url} answered HTTP ${response.status}`);
  }
  const header = response.headers.get('content-length');
  const announced = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  let received = 0;
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  body.on('data', (c: Buffer) => (received += c.length));
  try {
    await pipeline(body, createWriteStream(path));
  } catch (e) {
    return err(`download of ${url} broke off after ${received} bytes${announced ? ` of ${announced}` : ''} (${(e as Error).message})`);
  }
  if (announced !== undefined && received !== announced)
    return err(`download of ${url} is incomplete: ${received} bytes of the ${announced} announced`);
  return ok({ status: 'ok', announced, received });
}
