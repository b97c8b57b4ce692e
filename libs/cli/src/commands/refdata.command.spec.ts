import { resolve } from 'node:path';
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

  it('list shows validity, the partial flag and notes', async () => {
    const r = await run(['list']);
    expect(r.out).toMatch(/mpfs-rvu\s+MPFS-2026-JUL-PARTIAL\s+2026-01-01 \.\. 2026-12-31  PARTIAL/);
    expect(r.out).toMatch(/mpfs-zip5\s+ZIP5-2025Q4\s+2025-10-01 \.\. open/);
    expect(r.out).toMatch(/ncci-ptp-practitioner\s+NCCI-2024Q3\s+2024-07-01 \.\. 2024-09-30\n\s+note: PTP effective dates are missing/);
  });

  it('names a missing subcommand', async () => {
    expect((await run([])).code).toBe(2);
  });
});
