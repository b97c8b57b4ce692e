import { fixtureMembers, writeZip } from '@claimflow/refdata/testing';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { refdataCommand } from './refdata.command';

const REPO = resolve(__dirname, '../../../..');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await refdataCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('claimflow refdata', () => {
  it('import prints kind, rows, release and duration per file', async () => {
    const r = await run(['import', '../shared/data/cms/mpfs/2026']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/GPCI2026\.csv\n  kind gpci, dataset mpfs-gpci, 109 rows, release MPFS-2026-GPCI, \d+ ms/);
    expect(r.out).toMatch(
      /PPRRVU2026_Jul_nonQPP\.excerpt\.csv\n  kind pprrvu, dataset mpfs-rvu, 22 rows, release MPFS-2026-JUL-PARTIAL, \d+ ms/,
    );
  });

  it('import fails as a whole on a malformed file, naming file and line', async () => {
    const r = await run(['import', '../shared/data/cms/mpfs/2026', 'libs/refdata/test/fixtures/malformed/GPCI2025-short-row.csv']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'import failed, nothing loaded: libs/refdata/test/fixtures/malformed/GPCI2025-short-row.csv:7: expected 7 columns, found 6 (MALFORMED_FILE)',
    );
    expect(r.out).toBe('');
  });

  it('import of a CMS bundle prints the bundle, its members, a summary, and adds the releases to a folder with the sha256', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimflow-cli-bundle-'));
    try {
      const bundle = join(dir, 'zplc_oct2025.zip');
      await writeZip(bundle, fixtureMembers.zip2025q4());
      const r = await run(['import', bundle, '--out', join(dir, 'set')]);
      expect(r.code).toBe(0);
      const sha = createHash('sha256').update(readFileSync(bundle)).digest('hex');
      expect(r.out).toContain(`zplc_oct2025.zip: ZIP-to-locality bundle, ${readFileSync(bundle).length} bytes, sha256 ${sha}`);
      expect(r.out).toMatch(/zplc_oct2025\.zip\/ZIP5_OCT2025\.txt\n  kind zip5, dataset mpfs-zip5, 42956 rows, release ZIP5-2025Q4/);
      expect(r.out).toMatch(/note: .*zplc_oct2025\.zip\/ZIP5lyout\.txt: skipped, not needed/);
      expect(r.out).toMatch(/Summary:\n  mpfs-zip5\s+ZIP5-2025Q4\s+42956 rows  valid 2025-10-01 \.\. open/);
      const manifest = JSON.parse(readFileSync(join(dir, 'set', 'manifest.json'), 'utf8'));
      expect(manifest.tables[0].sources).toEqual([{ name: 'zplc_oct2025.zip', bytes: readFileSync(bundle).length, sha256: sha }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('list shows validity, the partial flag and notes', async () => {
    const r = await run(['list']);
    expect(r.out).toMatch(/mpfs-rvu\s+MPFS-2026-JUL-PARTIAL\s+2026-01-01 \.\. 2026-12-31  PARTIAL/);
    expect(r.out).toMatch(/mpfs-zip5\s+ZIP5-2025Q4\s+2025-10-01 \.\. open/);
    expect(r.out).toMatch(/ncci-ptp-practitioner\s+NCCI-2024Q3\s+2024-07-01 \.\. 2024-09-30\n\s+note: PTP effective dates are missing/);
  });

  it('status prints coverage, gaps and what a claim dated today gets', async () => {
    const r = await run(['status', '--date', '2027-02-01']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ncci-mue-practitioner\s+covers 2024-07-01 \.\. 2024-09-30, 2026-07-01 \.\. 2026-12-31/);
    expect(r.out).toMatch(/gaps\s+2024-10-01 \.\. 2026-06-30/);
    expect(r.out).toMatch(/mpfs-zip5\s+covers 2025-10-01 \.\. open\n\s+today\s+strict: ZIP5-2025Q4; latest: ZIP5-2025Q4/);
    expect(r.out).toMatch(
      /mpfs-rvu\s+covers 2025-01-01 \.\. 2026-12-31\n\s+today\s+strict: refused \(REFDATA_UNAVAILABLE\); latest: MPFS-2026-JUL-PARTIAL/,
    );
    const json = JSON.parse((await run(['status', '--date', '2025-06-01', '--json'])).out);
    expect(json.coverage.find((c: { dataset: string }) => c.dataset === 'mpfs-rvu').today.strict).toBe('MPFS-2025-OCT');
  });

  it('status says plainly which years and quarters are only excerpts', async () => {
    const r = await run(['status', '--date', '2026-12-05']);
    expect(r.out).toMatch(/today\s+strict: MPFS-2026-JUL-PARTIAL \(an EXCERPT\)/);
    expect(r.out).toMatch(/^Excerpts \(partial releases/m);
    expect(r.out).toMatch(/^ {2}CY2026 {2}mpfs-rvu\s+MPFS-2026-JUL-PARTIAL \(2026-01-01 \.\. 2026-12-31, \d+ rows\) is an EXCERPT$/m);
    expect(r.out).toMatch(/^ {2}2026Q3\s+ncci-ptp-practitioner\s+NCCI-2026Q3-PARTIAL/m);
    expect(r.out).not.toMatch(/MPFS-2025-OCT.*EXCERPT/);
    const json = JSON.parse((await run(['status', '--date', '2026-12-05', '--json'])).out);
    expect(json.excerpts.map((e: { release: string }) => e.release)).toContain('MPFS-2026-JUL-PARTIAL');
  });

  it('diff shows the 77003 fee-schedule change from CY2025 to CY2026 (3.08 -> 3.13 non-facility total)', async () => {
    const r = await run(['diff', 'MPFS-2025-OCT', 'MPFS-2026-JUL-PARTIAL', '--code', '77003']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^mpfs-rvu: MPFS-2025-OCT -> MPFS-2026-JUL-PARTIAL: 0 added, 0 removed, \d+ changed/);
    expect(r.out).toMatch(/changed 77003 .*nonFacilityTotal 3\.08 -> 3\.13/);
    expect(r.out).toMatch(/changed conversion factor\s+conversionFactor 32\.3465 -> 33\.4009/);
    const json = JSON.parse((await run(['diff', 'NCCI-2024Q3', 'NCCI-2026Q3-PARTIAL', '--code', '77003', '--json'])).out);
    expect(json.map((d: { dataset: string }) => d.dataset)).toEqual(['ncci-mue-practitioner', 'ncci-ptp-practitioner']);
    expect((await run(['diff', 'MPFS-2025-OCT', 'NOPE'])).err).toMatch(/release not loaded: NOPE/);
  });

  it('names a missing subcommand', async () => {
    expect((await run([])).code).toBe(2);
  });
});
