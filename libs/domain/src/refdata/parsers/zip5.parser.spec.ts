import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { linesOf } from './lines';
import { parseZip5 } from './zip5.parser';

const CMS = resolve(__dirname, '../../../../../../shared/data/cms');
const GOOD = 'AK995010210201 Z9   0 A                                                    20254';

describe('parseZip5 (fixed width per ZIP5lyout.txt)', () => {
  it('reads the October 2025 file: 42,956 ZIPs of quarter 20254', () => {
    const r = parseZip5(linesOf(readFileSync(resolve(CMS, 'mpfs/2025/zip/ZIP5_OCT2025.txt'), 'latin1')));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.yearQuarter).toBe(20254);
    expect(r.value.rows).toHaveLength(42956);
    expect(r.value.rows[0]).toEqual({ zip: '99501', state: 'AK', carrier: '02102', locality: '01', rural: '', needsZip9: false });
    expect(r.value.rows.find((z) => z.zip === '83414')).toMatchObject({ state: 'WY', carrier: '03602', locality: '21', rural: 'B' });
  });

  it('rejects a short record, a bad rural flag and a mixed quarter', () => {
    expect(parseZip5(linesOf(`${GOOD}\r\n${GOOD.slice(0, 60)}\r\n`))).toMatchObject({ ok: false, error: { code: 'TRUNCATED', line: 2 } });
    expect(parseZip5(linesOf(`${GOOD.slice(0, 14)}X${GOOD.slice(15)}\n`))).toMatchObject({
      ok: false,
      error: { code: 'BAD_VALUE', line: 1 },
    });
    expect(parseZip5(linesOf(`${GOOD}\n${GOOD.slice(0, 75)}20261\n`))).toMatchObject({ ok: false, error: { code: 'BAD_VALUE', line: 2 } });
  });
});
