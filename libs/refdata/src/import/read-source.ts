import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { NO_FINAL_NEWLINE } from '@claimflow/domain';

/** A file's bytes, gunzipped when it is gzip (by magic number, whatever its name). */
export function readSource(path: string): Buffer {
  const raw = readFileSync(path);
  return raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
}

/**
 * Lines of a Latin-1 buffer (CMS files are Latin-1/ASCII), without line ends, decoded one at a
 * time so a 160 MB file is never one string. Ends with NO_FINAL_NEWLINE when the last line is cut.
 */
export function* bufferLines(buf: Buffer): Generator<string> {
  let start = 0;
  const n = buf.length;
  while (start < n) {
    const end = buf.indexOf(10, start);
    if (end < 0) {
      yield buf.toString('latin1', start, n);
      yield NO_FINAL_NEWLINE;
      return;
    }
    yield buf.toString('latin1', start, end > start && buf[end - 1] === 13 ? end - 1 : end);
    start = end + 1;
  }
}

export const headOf = (buf: Buffer, bytes = 4096): string => buf.toString('latin1', 0, Math.min(bytes, buf.length));
