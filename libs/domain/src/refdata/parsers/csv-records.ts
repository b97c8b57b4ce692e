import { NO_FINAL_NEWLINE } from './lines';

/** One CSV record: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

export interface CsvRecordsOptions {
  readonly separator?: string;
  /** Report a last record without a line end as truncated (official PTP files always end with one). */
  readonly requireFinalNewline?: boolean;
}

/**
 * RFC 4180 records over lines: quoted fields may hold separators, doubled quotes and line
 * breaks (the official MUE header has one). An unterminated quote at the end yields a record
 * flagged `truncated` so parsers can report it with its line.
 */
export function* csvRecords(lines: Iterable<string>, options: CsvRecordsOptions = {}): Generator<CsvRecord & { truncated?: true }> {
  const sep = options.separator ?? ',';
  let lineNo = 0;
  let pending: string | null = null;
  let startLine = 0;
  for (const line of lines) {
    if (line === NO_FINAL_NEWLINE) {
      if (options.requireFinalNewline && pending === null) yield { fields: [], line: lineNo, truncated: true };
      continue;
    }
    lineNo++;
    if (pending === null) {
      if (line.indexOf('"') < 0) {
        yield { fields: line.split(sep), line: lineNo };
        continue;
      }
      pending = line;
      startLine = lineNo;
    } else {
      pending += '\n' + line;
    }
    const fields = splitQuoted(pending, sep);
    if (fields) {
      yield { fields, line: startLine };
      pending = null;
    }
  }
  if (pending !== null) yield { fields: [pending], line: startLine, truncated: true };
}

/** Splits one record; null when a quoted field is still open (the record continues on the next line). */
export function splitQuoted(text: string, sep: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const next = text.indexOf(sep, i);
      // Text after a closing quote is kept, as spreadsheets do.
      value += next < 0 ? text.slice(i) : text.slice(i, next);
      fields.push(value);
      if (next < 0) return fields;
      i = next + sep.length;
    } else {
      const next = text.indexOf(sep, i);
      if (next < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, next));
      i = next + sep.length;
    }
    if (i > n) return fields;
  }
}
