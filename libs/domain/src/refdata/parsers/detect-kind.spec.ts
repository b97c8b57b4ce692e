import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detectKind } from './detect-kind';

const CMS = resolve(__dirname, '../../../../../../shared/data/cms');

function head(rel: string): string {
  const raw = readFileSync(resolve(CMS, rel));
  const bytes = rel.endsWith('.gz') ? gunzipSync(raw) : raw;
  return bytes.toString('latin1', 0, 4096);
}

describe('detectKind', () => {
  it.each([
    ['mpfs/2025/PPRRVU2025_Oct.csv', 'pprrvu'],
    ['mpfs/2026/PPRRVU2026_Jul_nonQPP.excerpt.csv', 'pprrvu'],
    ['mpfs/2025/GPCI2025.csv', 'gpci'],
    ['mpfs/2026/GPCI2026.csv', 'gpci'],
    ['mpfs/2025/25LOCCO.csv', 'locco'],
    ['mpfs/2025/ANES2025.csv', 'anes'],
    ['mpfs/2025/OPPSCAP_Oct.csv', 'oppscap'],
    ['mpfs/2025/zip/ZIP5_OCT2025.txt', 'zip5'],
    ['formats/ccipra-v322r0-f1.excerpt.txt', 'ptp-official'],
    ['ncci/2024q3/ptp_practitioner.csv.gz', 'ptp-csv-2024q3'],
    ['ncci/2026q3-subset/ptp.csv', 'ptp-csv-subset'],
    ['formats/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', 'mue-official'],
    ['ncci/2024q3/mue_dme.csv', 'mue-csv-2024q3'],
    ['ncci/2026q3-subset/mue.csv', 'mue-csv-subset'],
    ['ncci/2024q3/addon_codes.csv', 'addon'],
    ['mpfs/2025/zip/ZIP5lyout.txt', null],
    ['ncci/2026q3-subset/codes.txt', null],
    ['formats/icd10cm_order_2026.excerpt.txt', null],
    ['README.md', null],
  ])('%s -> %s', (rel, kind) => {
    expect(detectKind(head(rel))).toBe(kind);
  });
});
