import { Assembler835 } from './assembler.835';
import type { Remit835Result } from './remit-835.types';
import { SegmentReader } from './segment-reader';

/**
 * Streams an 835 (005010X221A1) remittance: yields each claim payment as soon as its last
 * segment is read (with the BPR/TRN/payer/payee header it belongs to), plus envelope and header
 * problems, holding only the current chunk and claim payment in memory.
 */
export async function* parse835(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<Remit835Result> {
  const reader = new SegmentReader();
  const assembler = new Assembler835();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* assembler.accept(reader.push(text));
  }
  const out = assembler.accept(reader.push(decoder.decode()));
  assembler.accept(reader.end(), out);
  yield* assembler.finish(out);
}

/** The same over a whole remittance held in memory. */
export function parse835Text(text: string): Remit835Result[] {
  const reader = new SegmentReader();
  const assembler = new Assembler835();
  const out = assembler.accept(reader.push(text));
  assembler.accept(reader.end(), out);
  return assembler.finish(out);
}
