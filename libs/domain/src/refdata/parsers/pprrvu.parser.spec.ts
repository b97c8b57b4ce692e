import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { linesOf } from './lines';
import { parsePprrvu } from './pprrvu.parser';

const CMS = resolve(__dirname, '../../../../../../shared/data/cms');
const lines = (rel: string) => linesOf(readFileSync(resolve(CMS, rel), 'latin1'));
const FILE_2025 = readFileSync(resolve(CMS, 'mpfs/2025/PPRRVU2025_Oct.csv'), 'latin1').split('\r\n');
const HEADER_2025 = FILE_2025.slice(0, 10).join('\r\n');
const ROW_77003 = FILE_2025.find((l) => l.startsWith('77003,,'))!;

describe('parsePprrvu', () => {
  it('reads the CY2025 October file (31 columns) with its conversion factor and no description', () => {
    const r = parsePprrvu(lines('mpfs/2025/PPRRVU2025_Oct.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value).toMatchObject({ layout: 'pprrvu-31', year: 2025, releasedOn: '2025-09-11', conversionFactor: 32.3465 });
    expect(r.value.rows).toHaveLength(19090);
    const g = r.value.rows.find((x) => x.hcpcs === '77003' && x.modifier === '')!;
    expect(g.nonFacilityTotal).toBe(3.08);
    expect(Math.round(g.nonFacilityTotal * r.value.conversionFactor * 100) / 100).toBe(99.63);
    expect(r.value.rows.find((x) => x.hcpcs === '76000' && x.modifier === '')).toMatchObject({
      workRvu: 0.3,
      nonFacilityPeRvu: 0.95,
      mpRvu: 0.04,
      nonFacilityTotal: 1.29,
    });
    expect(r.value.rows.filter((x) => x.hcpcs === '77002').map((x) => x.modifier)).toEqual(['', '26', 'TC']);
    expect(Object.keys(g)).not.toContain('description');
    expect(JSON.stringify(g)).not.toMatch(/Fluoroguide/i);
  });

  it('keeps the identity NON-FACILITY TOTAL = WORK + NON-FAC PE + MP on every row', () => {
    const r = parsePprrvu(lines('mpfs/2025/PPRRVU2025_Oct.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    const off = r.value.rows.filter((x) => Math.abs(x.workRvu + x.nonFacilityPeRvu + x.mpRvu - x.nonFacilityTotal) > 0.005);
    expect(off).toEqual([]);
  });

  it('detects the CY2026 layout (PRIC IND, 32 columns) by its header', () => {
    const r = parsePprrvu(lines('mpfs/2026/PPRRVU2026_Jul_nonQPP.excerpt.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value).toMatchObject({ layout: 'pprrvu-32', year: 2026, releasedOn: '2026-06-30', conversionFactor: 33.4009 });
    expect(r.value.rows).toHaveLength(22);
    expect(r.value.rows.find((x) => x.hcpcs === '77003' && !x.modifier)).toMatchObject({
      nonFacilityTotal: 3.13,
      pricingIndicator: '9',
      endoscopicBase: '',
    });
    expect(r.value.rows.find((x) => x.hcpcs === '76000' && !x.modifier)?.nonFacilityTotal).toBe(1.32);
    const redacted = parsePprrvu(lines('formats/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv'));
    expect(redacted.ok && redacted.value.rows.length).toBe(61);
  });

  it('rejects a row with a column missing, naming the line', () => {
    expect(parsePprrvu(linesOf(`${HEADER_2025}\r\n${ROW_77003.replace(',ZZZ,', ',')}\r\n`))).toEqual({
      ok: false,
      error: { code: 'BAD_COLUMN_COUNT', line: 11, reason: 'expected 31 columns, found 30' },
    });
  });

  it('rejects a bad number and a conversion factor that changes mid-file', () => {
    const bad = parsePprrvu(linesOf(`${HEADER_2025}\r\n${ROW_77003}\r\n${ROW_77003.replace(',3.08,', ',3,08,')}\r\n`));
    expect(bad.ok || bad.error.line).toBe(12);
    const num = parsePprrvu(linesOf(`${HEADER_2025}\r\n${ROW_77003.replace(',A,,', ',A,,x')}\r\n`));
    expect(num.ok || num.error).toMatchObject({ code: 'BAD_NUMBER', line: 11 });
    const cf = parsePprrvu(linesOf(`${HEADER_2025}\r\n${ROW_77003}\r\n${ROW_77003.replace('32.3465', '33.4009')}\r\n`));
    expect(cf.ok || cf.error).toMatchObject({ code: 'BAD_VALUE', line: 12 });
  });

  it('rejects a header it does not know instead of guessing positions', () => {
    const r = parsePprrvu(linesOf(HEADER_2025.replace('CONV,', 'CONVERSION,') + '\r\n' + ROW_77003 + '\r\n'));
    expect(r.ok || r.error).toMatchObject({ code: 'BAD_HEADER', line: 10 });
  });

  it('rejects a file cut inside a quoted description', () => {
    const r = parsePprrvu(linesOf(`${HEADER_2025}\r\n${ROW_77003}\r\n80161,,"Asy carbamazepin 10`));
    expect(r.ok || r.error).toMatchObject({ code: 'TRUNCATED', line: 12 });
  });
});
