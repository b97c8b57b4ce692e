import { Assembler837 } from './assembler.837p';
import { SegmentReader } from './segment-reader';
import type { Parse837Options, X12Result } from './x12-result';

/**
 * Streams an 837P (005010X222A1) interchange: yields each claim as soon as its last segment is
 * read, plus envelope problems, holding only the current chunk and claim in memory. Several
 * interchanges may follow one another in the same stream.
 */
export async function* parse837(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: Parse837Options = {},
): AsyncGenerator<X12Result> {
  const reader = new SegmentReader();
  const assembler = new Assembler837(options);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* assembler.accept(reader.push(text));
  }
  const out = assembler.accept(reader.push(decoder.decode()));
  assembler.accept(reader.end(), out);
  yield* assembler.finish(out);
}

/** The same over a whole interchange held in memory (tests, small uploads). */
export function parse837Text(text: string, options: Parse837Options = {}): X12Result[] {
  const reader = new SegmentReader();
  const assembler = new Assembler837(options);
  const out = assembler.accept(reader.push(text));
  assembler.accept(reader.end(), out);
  return assembler.finish(out);
}
