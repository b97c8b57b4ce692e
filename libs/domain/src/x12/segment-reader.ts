import { ISA_LENGTH, readSeparators, type X12Separators } from './separators';

export interface X12Segment {
  readonly id: string;
  /** elements[0] is the segment id, so elements[n] is the n-th data element (SV1-04 = elements[4]). */
  readonly elements: readonly string[];
  /** 1-based ordinal within the interchange (ISA = 1). */
  readonly ordinal: number;
  readonly separators: X12Separators;
}

/** Far above any 837P segment; guards memory against input with no terminators. */
export const MAX_SEGMENT_LENGTH = 64 * 1024;

export type X12Token =
  | { readonly kind: 'segment'; readonly segment: X12Segment }
  | {
      readonly kind: 'error';
      readonly code: X12TokenErrorCode;
      readonly message: string;
      /** Canonical path of the problem; 'ISA' when not given. */
      readonly path?: string;
      /** Where in the input: `segment 12`, `byte 4031`. */
      readonly source?: string;
    };

export type X12TokenErrorCode =
  'X12_ISA_INVALID' | 'X12_SEGMENT_INVALID' | 'X12_ENVELOPE_INCOMPLETE' | 'NUL_CHARACTER' | 'ENCODING_INVALID';

/**
 * Incremental X12 tokenizer: push text as it arrives and get back the complete segments; only
 * the unterminated tail is kept. The ISA's fixed width gives the separators for each interchange.
 */
export class SegmentReader {
  private buffer = '';
  private separators: X12Separators | null = null;
  private ordinal = 0;
  private failed = false;
  /** How much of the buffer's tail is known to hold no terminator, so a long segment is not searched again per chunk. */
  private searched = 0;

  push(text: string): X12Token[] {
    if (this.failed) return [];
    this.buffer += text;
    const tokens: X12Token[] = [];
    let pos = 0;
    for (;;) {
      if (this.separators === null) {
        pos = skipWhitespace(this.buffer, pos);
        if (this.buffer.length - pos < ISA_LENGTH) break;
        const isa = this.buffer.slice(pos, pos + ISA_LENGTH);
        const found = readSeparators(isa);
        if (!found.ok) return this.fail(tokens, 'X12_ISA_INVALID', found.error);
        if (isa.includes('\u0000')) return this.nul(tokens);
        this.separators = found.value;
        this.ordinal = 0;
        pos += ISA_LENGTH;
        tokens.push({ kind: 'segment', segment: this.segment(isa.slice(0, ISA_LENGTH - 1)) });
        continue;
      }
      const end = this.buffer.indexOf(this.separators.segment, Math.max(pos, this.searched));
      if (end < 0) {
        this.searched = this.buffer.length;
        if (this.buffer.length - pos > MAX_SEGMENT_LENGTH)
          return this.fail(
            tokens,
            'X12_SEGMENT_INVALID',
            `no segment terminator "${this.separators.segment}" within ${MAX_SEGMENT_LENGTH} characters`,
          );
        break;
      }
      const raw = this.buffer.slice(skipWhitespace(this.buffer, pos), end);
      pos = end + 1;
      if (raw === '') continue;
      if (raw.includes('\u0000')) return this.nul(tokens);
      const segment = this.segment(raw);
      tokens.push({ kind: 'segment', segment });
      if (segment.id === 'IEA') this.separators = null;
    }
    this.buffer = this.buffer.slice(pos);
    this.searched = Math.max(0, this.searched - pos);
    return tokens;
  }

  /** Call once the input is exhausted. */
  end(): X12Token[] {
    const rest = this.buffer.trim();
    this.buffer = '';
    if (this.failed || rest === '') return [];
    return [
      {
        kind: 'error',
        code: 'X12_ENVELOPE_INCOMPLETE',
        // Names the segment, never its content (claim and patient data).
        message: this.separators
          ? `input ends inside a ${segmentName(rest, this.separators.element)} segment`
          : `input ends before a complete ISA segment`,
      },
    ];
  }

  /** Unreadable input: report it once and ignore the rest, since segment boundaries are lost. */
  fail(tokens: X12Token[], code: X12TokenErrorCode, message: string, source?: string): X12Token[] {
    this.failed = true;
    this.buffer = '';
    tokens.push(source === undefined ? { kind: 'error', code, message } : { kind: 'error', code, message, path: '', source });
    return tokens;
  }

  private nul(tokens: X12Token[]): X12Token[] {
    const at = `segment ${this.ordinal + 1}`;
    return this.fail(tokens, 'NUL_CHARACTER', `${at} holds a NUL character (U+0000); the rest of the input is not read`, at);
  }

  private segment(raw: string): X12Segment {
    const separators = this.separators as X12Separators;
    const elements = raw.split(separators.element);
    return { id: elements[0], elements, ordinal: ++this.ordinal, separators };
  }
}

function segmentName(raw: string, element: string): string {
  const id = raw.split(element)[0];
  return /^[A-Z][A-Z0-9]{1,2}$/.test(id) ? id : 'malformed';
}

function skipWhitespace(text: string, pos: number): number {
  while (pos < text.length && (text.charCodeAt(pos) <= 32 || text.charCodeAt(pos) === 0xfeff)) pos++;
  return pos;
}
