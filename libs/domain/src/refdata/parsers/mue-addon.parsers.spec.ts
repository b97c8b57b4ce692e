import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAddon } from './addon.parser';
import { linesOf } from './lines';
import { parseMue } from './mue.parser';

const CMS = resolve(__dirname, '../../../../../../shared/data/cms');
const lines = (rel: string) => linesOf(readFileSync(resolve(CMS, rel), 'latin1'));

describe('parseMue', () => {
  it('reads the official layout: quoted notice, header cell with a line break, MAI written out', () => {
    const r = parseMue(lines('formats/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.service).toBe('practitioner');
    expect(r.value.rows).toHaveLength(44);
    expect(r.value.rows[0]).toEqual({ code: '0001U', value: 1, mai: 2, rationale: 'Code Descriptor / CPT Instruction' });
    expect(r.value.rows[1]).toMatchObject({ code: '0002M', mai: 3 });
  });

  it('reads the plain 2024Q3 practitioner table: 77003 = 1 unit, MAI 3', () => {
    const r = parseMue(lines('ncci/2024q3/mue_practitioner.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.service).toBeNull();
    expect(r.value.rows).toHaveLength(14677);
    const by = new Map(r.value.rows.map((x) => [x.code, x]));
    expect(by.get('77003')).toMatchObject({ value: 1, mai: 3 });
    expect([by.get('76000')?.value, by.get('77001')?.value, by.get('77002')?.value, by.get('62323')?.value]).toEqual([3, 2, 1, 1]);
  });

  it('reads the subset with its ref_version', () => {
    const r = parseMue(lines('ncci/2026q3-subset/mue.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.rows).toHaveLength(200);
    expect(r.value.rows[0]).toEqual({ code: '10060', value: 1, mai: 2, rationale: '', refVersion: 'MUE-2026Q3' });
  });

  it('rejects an MAI whose text does not match its number, and a non-integer value', () => {
    const head = '"HCPCS/\r\nCPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n';
    expect(parseMue(linesOf(`${head}0001U,1,2 Date of Service Edit: Clinical,x\r\n`))).toMatchObject({
      ok: false,
      error: { code: 'BAD_VALUE', line: 3 },
    });
    expect(parseMue(linesOf(`${head}0001U,1.5,2 Date of Service Edit: Policy,x\r\n`))).toMatchObject({
      ok: false,
      error: { code: 'BAD_NUMBER', line: 3 },
    });
  });
});

describe('parseAddon', () => {
  it('reads 7,465 rows; 77003 is type 1 with 14 primaries; type 2 has no primary (CCCCC)', () => {
    const r = parseAddon(lines('ncci/2024q3/addon_codes.csv'));
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value).toHaveLength(7465);
    const counts = [1, 2, 3].map((t) => r.value.filter((x) => x.type === t).length);
    expect(counts).toEqual([6860, 36, 569]);
    const p77003 = r.value.filter((x) => x.addon === '77003');
    expect(p77003.every((x) => x.type === 1)).toBe(true);
    expect(p77003.map((x) => x.primary).sort()).toEqual([
      '61050',
      '61055',
      '62267',
      '62273',
      '62280',
      '62281',
      '62282',
      '62284',
      '64449',
      '64510',
      '64517',
      '64520',
      '64610',
      '96450',
    ]);
    expect(r.value.find((x) => x.type === 2)).toEqual({ addon: '0054T', primary: null, type: 2 });
  });

  it('rejects CCCCC on a type 1 row', () => {
    expect(parseAddon(linesOf('addon_code,primary_code,type\n77003,CCCCC,1\n'))).toMatchObject({
      ok: false,
      error: { code: 'BAD_VALUE', line: 2 },
    });
  });
});
