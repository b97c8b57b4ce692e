/**
 * Yielded after the last line when the text does not end with a line break, so that formats
 * whose records always end with one can tell a file cut short; other parsers skip it.
 */
export const NO_FINAL_NEWLINE = '\u0000NO_FINAL_NEWLINE';

/** Splits text into lines without the line end (LF or CRLF). */
export function* linesOf(text: string): Generator<string> {
  let start = 0;
  const n = text.length;
  while (start < n) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      yield text.slice(start);
      yield NO_FINAL_NEWLINE;
      return;
    }
    yield text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
  }
}
