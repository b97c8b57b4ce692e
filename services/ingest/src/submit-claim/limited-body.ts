import { PayloadTooLargeException } from '@nestjs/common';

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
