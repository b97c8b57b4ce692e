import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as yazl from 'yazl';

/** ../shared/data/cms beside the repository root (as every test finds it), from the source tree or dist alike. */
export const SHARED_CMS = ((): string => {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir))
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'libs'))) return resolve(dir, '../shared/data/cms');
  return resolve(__dirname, '../../../../../../shared/data/cms');
})();

export type Members = Record<string, Buffer>;

const cms = (path: string): Buffer => readFileSync(join(SHARED_CMS, path));

/** Cut after the last complete record (the formats excerpt of the PTP file stops mid-line). */
const wholeLines = (buf: Buffer): Buffer => buf.subarray(0, buf.lastIndexOf(10) + 1);

/** Members of the official CMS bundles, from the files and official-layout excerpts in shared/data/cms. */
export const fixtureMembers = {
  /** RVU25D: the full CY2025 October files, plus what the bundle holds that no importer needs. */
  rvu25d: (): Members => ({
    'PPRRVU25_OCT.csv': cms('mpfs/2025/PPRRVU2025_Oct.csv'),
    'GPCI2025.csv': cms('mpfs/2025/GPCI2025.csv'),
    '25LOCCO.csv': cms('mpfs/2025/25LOCCO.csv'),
    'ANES2025.csv': cms('mpfs/2025/ANES2025.csv'),
    'OPPSCAP_OCT.csv': cms('mpfs/2025/OPPSCAP_Oct.csv'),
    'RVU25D.pdf': Buffer.from('%PDF-1.4 not reference data\n'),
  }),
  /** Practitioner PTP v32.2 (2026Q3), part f1 of the official tab-delimited layout. */
  ptp2026q3: (): Members => ({
    'ccipra-v322r0-f1.txt': wholeLines(cms('formats/ccipra-v322r0-f1.excerpt.txt')),
    'README.txt': Buffer.from('NCCI PTP edits, practitioner, v32.2\n'),
  }),
  /** Practitioner MUEs effective 2026-07-01 (official layout, quoted multi-line header). */
  mue2026q3: (): Members => ({
    'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv': cms('formats/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv'),
  }),
  /** ZIP5 crosswalk, October 2025, with its layout description. */
  zip2025q4: (): Members => ({
    'ZIP5_OCT2025.txt': cms('mpfs/2025/zip/ZIP5_OCT2025.txt'),
    'ZIP5lyout.txt': cms('mpfs/2025/zip/ZIP5lyout.txt'),
  }),
};

/** Writes a ZIP of the members with yazl; resolves when the file is complete. */
export function writeZip(path: string, members: Members): Promise<void> {
  return new Promise((done, fail) => {
    const zip = new yazl.ZipFile();
    for (const [name, buf] of Object.entries(members)) zip.addBuffer(buf, name, { mtime: new Date('2026-01-01T00:00:00Z') });
    zip.end();
    const out = createWriteStream(path);
    zip.outputStream
      .pipe(out)
      .on('close', () => done())
      .on('error', fail);
  });
}

/** The same members unpacked into a directory. */
export function writeDir(dir: string, members: Members): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, buf] of Object.entries(members)) writeFileSync(join(dir, name), buf);
}

/** A copy of a ZIP with bytes in the middle of its first member's data flipped. */
export function corrupt(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 200; i < 260 && i < out.length; i++) out[i] ^= 0xff;
  return out;
}
