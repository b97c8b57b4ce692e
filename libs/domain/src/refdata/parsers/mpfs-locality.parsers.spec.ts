import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAnes } from './anes.parser';
import { parseGpci } from './gpci.parser';
import { linesOf } from './lines';
import { parseLocco } from './locco.parser';
import { parseOppsCap } from './oppscap.parser';

const CMS = resolve(__dirname, '../../../../../../shared/data/cms');
const text = (rel: string) => readFileSync(resolve(CMS, rel), 'latin1');
const lines = (rel: string) => linesOf(text(rel));

describe('parseGpci (Addendum E)', () => {
  it('reads the 109 localities of 2025 and keeps the footnotes apart', () => {
    const r = parseGpci(lines('mpfs/2025/GPCI2025.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.year).toBe(2025);
    expect(r.value.rows).toHaveLength(109);
    expect(r.value.rows.find((g) => g.state === 'AK')).toEqual({
      carrier: '02102',
      state: 'AK',
      locality: '01',
      name: 'ALASKA',
      work: 1.5,
      pe: 1.081,
      mp: 0.592,
    });
    expect(r.value.notes.join('\n')).toMatch(/1\.5 floor in Alaska/);
  });

  it('reads 2026 with its longer notes', () => {
    const r = parseGpci(lines('mpfs/2026/GPCI2026.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect([r.value.year, r.value.rows.length]).toEqual([2026, 109]);
    expect(r.value.rows[0]).toMatchObject({ carrier: '10112', locality: '00', work: 1, pe: 0.875, mp: 0.566 });
  });

  it('rejects a short locality row and a locality after the footnotes', () => {
    const rows = text('mpfs/2025/GPCI2025.csv').split('\r\n');
    const short = parseGpci(linesOf([...rows.slice(0, 4), '02102,AK,01,ALASKA*,1.5,1.081'].join('\n')));
    expect(short.ok || short.error).toEqual({ code: 'BAD_COLUMN_COUNT', line: 5, reason: 'expected 7 columns, found 6' });
    const late = parseGpci(linesOf([...rows, rows[3]].join('\n')));
    expect(late.ok || late.error.code).toBe('BAD_VALUE');
    const num = parseGpci(linesOf([...rows.slice(0, 3), '10112,AL,00,ALABAMA,1,0.8x9,0.575'].join('\n')));
    expect(num.ok || num.error).toMatchObject({ code: 'BAD_NUMBER', line: 4 });
  });
});

describe('parseLocco', () => {
  it('pads carrier and locality and carries the state down its block', () => {
    const r = parseLocco(lines('mpfs/2025/25LOCCO.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.year).toBe(2025);
    expect(r.value.rows).toHaveLength(110);
    expect(r.value.rows[1]).toMatchObject({ carrier: '02102', locality: '01', state: 'ALASKA' });
    expect(r.value.rows.find((x) => x.carrier === '01112' && x.locality === '52')).toMatchObject({
      state: 'CALIFORNIA',
      counties: 'MARIN',
    });
  });
});

describe('parseAnes', () => {
  it('reads the national CF from the header and 109 locality CFs', () => {
    const r = parseAnes(lines('mpfs/2025/ANES2025.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.nationalConversionFactor).toBe(20.3178);
    expect(r.value.rows).toHaveLength(109);
    expect(r.value.rows[0]).toEqual({ carrier: '10112', locality: '00', name: 'ALABAMA', conversionFactor: 19.31 });
  });

  it('rejects a missing CF', () => {
    const r = parseAnes(linesOf('Contractor,Locality,Locality Name,National Anes CF of 20.3178\n10112 ,00 ,ALABAMA,\n'));
    expect(r.ok || r.error).toMatchObject({ code: 'BAD_NUMBER', line: 2 });
  });
});

describe('parseOppsCap', () => {
  it('reads 16,100 prices for 140 code/modifier pairs', () => {
    const r = parseOppsCap(lines('mpfs/2025/OPPSCAP_Oct.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value).toHaveLength(16100);
    expect(new Set(r.value.map((x) => `${x.hcpcs}|${x.modifier}`)).size).toBe(140);
    expect(r.value[0]).toEqual({
      hcpcs: '0633T',
      modifier: 'TC',
      status: 'C',
      carrier: '01112',
      locality: '05',
      facility: 150.69,
      nonFacility: 150.69,
    });
  });

  it('rejects an unknown header', () => {
    const r = parseOppsCap(linesOf('HCPCS,MOD,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\n'));
    expect(r.ok || r.error.code).toBe('BAD_HEADER');
  });
});
