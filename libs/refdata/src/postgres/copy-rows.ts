import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** COPY text format: backslash, tab and line breaks escaped; null as \N. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** Streams rows (already joined with tabs) into `COPY <target> FROM STDIN`, batched in ~256 KB chunks. */
export async function copyRows(client: ClientBase, target: string, rows: Iterable<string>): Promise<void> {
  function* chunks(): Generator<string> {
    let buf: string[] = [];
    let size = 0;
    for (const row of rows) {
      buf.push(row);
      size += row.length + 1;
      if (size >= 256 * 1024) {
        yield buf.join('\n') + '\n';
        buf = [];
        size = 0;
      }
    }
    if (buf.length) yield buf.join('\n') + '\n';
  }
  // A connection lost mid-COPY is an 'error' event on the client (fatal without a listener) and fails the COPY stream,
  // so the pipeline rejects with it: the caller's transaction is then abandoned, nothing half-imported is activated.
  const onError = () => undefined;
  client.on('error', onError);
  try {
    await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
  } finally {
    client.removeListener('error', onError);
  }
}
