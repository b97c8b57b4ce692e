import { SegmentReader, type X12Token } from './segment-reader';
import { readSeparators } from './separators';

const ISA = 'ISA*00*          *00*          *ZZ*NORTHSIDEPAIN  *ZZ*CLAIMFLOW      *250315*1200*^*00501*000000101*0*T*:~';
const ids = (tokens: X12Token[]) => tokens.map((t) => (t.kind === 'segment' ? t.segment.id : `!${t.code}`));

describe('readSeparators', () => {
  it('reads element, component, repetition and segment separators from the fixed-width ISA', () => {
    expect(readSeparators(ISA)).toEqual({ ok: true, value: { element: '*', component: ':', repetition: '^', segment: '~' } });
    expect(readSeparators(ISA.replace(/\*/g, '|').replace(':~', '>\n'))).toEqual({
      ok: true,
      value: { element: '|', component: '>', repetition: '^', segment: '\n' },
    });
  });

  it('names the ISA element whose width is wrong', () => {
    expect(readSeparators(ISA.replace('*250315*', '*2503150*').slice(0, 106))).toEqual({
      ok: false,
      error: 'ISA09 must be 6 characters wide',
    });
    expect(readSeparators(ISA.replace(':~', 'A~')).ok).toBe(false);
  });
});

describe('SegmentReader', () => {
  it('returns only complete segments and keeps the tail for the next push', () => {
    const reader = new SegmentReader();
    expect(ids(reader.push(ISA.slice(0, 50)))).toEqual([]);
    expect(ids(reader.push(`${ISA.slice(50)}\r\nGS*HC*A*B~\r\nST*83`))).toEqual(['ISA', 'GS']);
    const tokens = reader.push('7*0001*005010X222A1~SV1*HC:77003:26*180*UN*1***1~');
    expect(ids(tokens)).toEqual(['ST', 'SV1']);
    const sv1 = tokens[1].kind === 'segment' ? tokens[1].segment : undefined;
    expect(sv1?.elements).toEqual(['SV1', 'HC:77003:26', '180', 'UN', '1', '', '', '1']);
    expect(sv1?.ordinal).toBe(4);
    expect(ids(reader.end())).toEqual([]);
  });

  it('re-reads separators for each interchange of a stream', () => {
    const second = ISA.replace(/\*/g, '|').replace(':~', '>!');
    const reader = new SegmentReader();
    const tokens = reader.push(`${ISA}IEA*0*000000101~\n${second}GS|HC|A|B!IEA|1|000000101!`);
    expect(ids(tokens)).toEqual(['ISA', 'IEA', 'ISA', 'GS', 'IEA']);
    expect(tokens.map((t) => (t.kind === 'segment' ? t.segment.ordinal : 0))).toEqual([1, 2, 1, 2, 3]);
  });

  it('gives up on input without segment terminators instead of buffering it', () => {
    const reader = new SegmentReader();
    const tokens = reader.push(`${ISA}GS*${'x'.repeat(70 * 1024)}`);
    expect(ids(tokens)).toEqual(['ISA', '!X12_SEGMENT_INVALID']);
    expect(reader.push('~GS*HC~')).toEqual([]);
    expect(reader.end()).toEqual([]);
  });

  it('reports input that ends inside a segment', () => {
    const reader = new SegmentReader();
    reader.push(`${ISA}GS*HC`);
    expect(ids(reader.end())).toEqual(['!X12_ENVELOPE_INCOMPLETE']);
  });
});
