import { csvRecords } from './csv-records';
import { linesOf, NO_FINAL_NEWLINE } from './lines';

const records = (text: string, requireFinalNewline = false) => [...csvRecords(linesOf(text), { requireFinalNewline })];

describe('csvRecords', () => {
  it('splits plain and quoted fields, keeping separators and doubled quotes inside quotes', () => {
    expect(records('a,b,c\r\n"x, y","say ""hi""",\n').map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
    ]);
  });

  it('joins a quoted cell that spans lines and reports the line the record starts on', () => {
    const r = records('notice\r\n"HCPCS/\nCPT Code",Values\r\n0001U,1\r\n');
    expect(r.map((x) => [x.line, x.fields])).toEqual([
      [1, ['notice']],
      [2, ['HCPCS/\nCPT Code', 'Values']],
      [4, ['0001U', '1']],
    ]);
  });

  it('flags an unterminated quote at the end as truncated', () => {
    const r = records('a,b\n"open,\nstill open');
    expect(r[1]).toMatchObject({ line: 2, truncated: true });
  });

  it('flags a last line without a line end only when asked to', () => {
    expect(records('a\nb').some((r) => 'truncated' in r)).toBe(false);
    expect(records('a\nb', true).at(-1)).toMatchObject({ line: 2, truncated: true });
    expect([...linesOf('a\r\nb')]).toEqual(['a', 'b', NO_FINAL_NEWLINE]);
  });
});
