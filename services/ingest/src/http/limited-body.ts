import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { readJsonBody } from '@claimflow/domain';

/** '10mb' / '64kb' -> bytes */
export function sizeInBytes(size: string): number {
  const m = /^(\d+)(kb|mb)$/.exec(size);
  if (!m) throw new Error(`not a size: ${size}`);
  return Number(m[1]) * (m[2] === 'mb' ? 1024 * 1024 : 1024);
}

const tooLarge = (max: number) =>
  new PayloadTooLargeException({ code: 'BODY_TOO_LARGE', message: `the request body is over the ${max}-byte limit` });

/** The request body as it arrives, parsed on the way, so a large interchange is never held whole. */
export async function* limitedBody(body: AsyncIterable<Buffer>, contentLength: string | undefined, max: number): AsyncGenerator<Buffer> {
  if (Number(contentLength ?? 0) > max) throw tooLarge(max);
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > max) throw tooLarge(max);
    yield chunk;
  }
}

/** A JSON body read whole (within the limit) and checked: UTF-8, JSON syntax, no NUL; else a 400 naming where. */
export async function jsonBody(body: AsyncIterable<Buffer>, contentLength: string | undefined, max: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of limitedBody(body, contentLength, max)) chunks.push(chunk);
  const read = readJsonBody(Buffer.concat(chunks));
  if (read.ok) return read.value;
  throw new BadRequestException({ code: read.error.code, message: read.error.message, errors: [read.error] });
}
