import { snapshotOf } from '@claimflow/domain';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../import/import-files';
import type { ImportedTable } from '../import/import-types';
import { importSources, type Progress } from './import-sources';
import { corrupt, fixtureMembers, writeDir, writeZip } from './testing/fixture-bundles';

const digest = (tables: readonly ImportedTable[]) =>
  tables
    .map(
      (t) => `${t.dataset} ${JSON.stringify(t.table.release)} ${createHash('sha256').update(snapshotOf(t.dataset, t.table)).digest('hex')}`,
    )
    .sort();

describe('importSources (CMS ZIP bundles)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimflow-bundles-'));
    await writeZip(join(dir, 'rvu25d.zip'), fixtureMembers.rvu25d());
    await writeZip(join(dir, 'ptp.zip'), fixtureMembers.ptp2026q3());
    await writeZip(join(dir, 'mue.zip'), fixtureMembers.mue2026q3());
    await writeZip(join(dir, 'zip5.zip'), fixtureMembers.zip2025q4());
    writeDir(join(dir, 'unpacked'), { ...fixtureMembers.ptp2026q3(), ...fixtureMembers.mue2026q3(), ...fixtureMembers.zip2025q4() });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises each bundle by its content, streams the members it needs and skips the rest with a note', async () => {
    const progress: Progress[] = [];
    const r = await importSources(
      ['rvu25d.zip', 'ptp.zip', 'mue.zip', 'zip5.zip'].map((f) => join(dir, f)),
      { onProgress: (p) => progress.push(p) },
    );
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.reason}`);
    expect(r.value.bundles.map((b) => b.description)).toEqual([
      'CMS RVU bundle (PPRRVU, GPCI, LOCCO, ANES, OPPSCAP)',
      'NCCI PTP bundle',
      'NCCI MUE bundle',
      'ZIP-to-locality bundle',
    ]);
    expect(r.value.files.map((f) => [f.file.slice(dir.length + 1), f.kind, f.releases.join()])).toEqual([
      ['rvu25d.zip/PPRRVU25_OCT.csv', 'pprrvu', 'MPFS-2025-OCT'],
      ['rvu25d.zip/GPCI2025.csv', 'gpci', 'MPFS-2025-GPCI'],
      ['rvu25d.zip/25LOCCO.csv', 'locco', 'MPFS-2025-LOCCO'],
      ['rvu25d.zip/ANES2025.csv', 'anes', 'MPFS-2025-ANES'],
      // the OPPS cap file names no year: the bundle's PPRRVU says 2025
      ['rvu25d.zip/OPPSCAP_OCT.csv', 'oppscap', 'MPFS-2025-OPPSCAP'],
      ['ptp.zip/ccipra-v322r0-f1.txt', 'ptp-official', 'NCCI-2026Q3'],
      ['mue.zip/MCR_MUE_PractitionerServices_Eff_07-01-2026.csv', 'mue-official', 'NCCI-2026Q3'],
      ['zip5.zip/ZIP5_OCT2025.txt', 'zip5', 'ZIP5-2025Q4'],
    ]);
    expect(r.value.notes.map((n) => n.slice(dir.length + 1))).toEqual([
      'rvu25d.zip/RVU25D.pdf: skipped, not needed (no reference-data layout)',
      'ptp.zip/README.txt: skipped, not needed (no reference-data layout)',
      'zip5.zip/ZIP5lyout.txt: skipped, not needed (no reference-data layout)',
    ]);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1].done).toBeCloseTo(progress[0].total, 0);
  }, 60_000);

  it('imports from a bundle exactly what it imports from the unpacked files', async () => {
    const fromZips = await importSources(['ptp.zip', 'mue.zip', 'zip5.zip'].map((f) => join(dir, f)));
    const fromDir = importFiles([join(dir, 'unpacked')]);
    if (!fromZips.ok || !fromDir.ok) throw new Error('import failed');
    expect(digest(fromZips.value.tables)).toEqual(digest(fromDir.value.tables));
    expect(fromZips.value.tables).toHaveLength(3);
  }, 60_000);

  it('fails as a whole on a corrupted ZIP, a bundle missing a member, or a ZIP with no reference data', async () => {
    const bad = join(dir, 'corrupt.zip');
    writeFileSync(bad, corrupt(readFileSync(join(dir, 'mue.zip'))));
    const c = await importSources([join(dir, 'zip5.zip'), bad]);
    expect(c).toMatchObject({ ok: false, error: { code: 'BAD_BUNDLE' } });

    const truncated = join(dir, 'truncated.zip');
    const whole = readFileSync(join(dir, 'mue.zip'));
    writeFileSync(truncated, whole.subarray(0, whole.length >> 1));
    expect(await importSources([truncated])).toMatchObject({ ok: false, error: { code: 'BAD_BUNDLE', file: truncated } });

    const { 'GPCI2025.csv': _gpci, ...withoutGpci } = fixtureMembers.rvu25d();
    await writeZip(join(dir, 'rvu-no-gpci.zip'), withoutGpci);
    expect(await importSources([join(dir, 'rvu-no-gpci.zip')])).toMatchObject({
      ok: false,
      error: { code: 'INCOMPLETE_BUNDLE', reason: 'CMS RVU bundle (PPRRVU, GPCI, LOCCO, ANES, OPPSCAP) without its gpci member' },
    });

    await writeZip(join(dir, 'docs.zip'), { 'readme.txt': Buffer.from('hello\n') });
    expect(await importSources([join(dir, 'docs.zip')])).toMatchObject({ ok: false, error: { code: 'UNRECOGNISED_FILE' } });
  }, 60_000);
});
