import { incompleteTail, invalidUtf8Offset } from '../intake/text/utf8';
import { Assembler837 } from './assembler.837p';
import { SegmentReader, type X12Token } from './segment-reader';
import type { Parse837Options, X12Result } from './x12-result';

/** Bytes -> text, refusing malformed UTF-8 with the offset of the first bad byte, across chunk boundaries. */
class Utf8Stream {
  private readonly decoder = new TextDecoder('utf-8');
  private tail = new Uint8Array(0);
  private consumed = 0;
  /** Set once a bad byte is found; nothing is decoded after it. */
  badOffset = -1;

  decode(chunk: Uint8Array): string {
    if (this.badOffset >= 0) return '';
    const joined = this.tail.length ? concat(this.tail, chunk) : chunk;
    const bad = invalidUtf8Offset(joined, true);
    if (bad >= 0) {
      this.badOffset = this.consumed - this.tail.length + bad;
      return '';
    }
    this.tail = joined.slice(joined.length - incompleteTail(joined));
    this.consumed += chunk.length;
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (this.badOffset < 0 && this.tail.length) this.badOffset = this.consumed - this.tail.length;
    return this.badOffset >= 0 ? '' : this.decoder.decode();
  }

  error(reader: SegmentReader): X12Token[] {
    const at = `byte ${this.badOffset}`;
    return reader.fail([], 'ENCODING_INVALID', `the interchange is not UTF-8: invalid byte at offset ${this.badOffset}`, at);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Streams an 837P (005010X222A1) interchange: yields each interchange's claims once its IEA
 * arrives (refused when the envelope is wrong), plus envelope problems, holding one interchange's
 * results in memory. Several interchanges may follow one another in the same stream. The input
 * is read to its end even after a fatal problem, so a request body is always drained.
 */
export async function* parse837(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: Parse837Options = {},
): AsyncGenerator<X12Result> {
  const reader = new SegmentReader();
  const assembler = new Assembler837(options);
  const utf8 = new Utf8Stream();
  let reported = false;
  const tokensOf = (text: string): X12Token[] => {
    if (utf8.badOffset < 0 || reported) return reader.push(text);
    reported = true;
    return [...reader.push(text), ...utf8.error(reader)];
  };
  for await (const chunk of chunks) {
    yield* assembler.accept(tokensOf(typeof chunk === 'string' ? chunk : utf8.decode(chunk)));
  }
  const out = assembler.accept(tokensOf(utf8.end()));
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
