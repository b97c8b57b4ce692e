import { fixtureMembers, writeZip } from '@claimflow/refdata/testing';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSourcesFile, readSourcesConfig } from '@claimflow/refdata';
import { refdataCommand } from './refdata.command';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await refdataCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `refdata update` against a local server on 127.0.0.1 serving fixture bundles built from the official-layout excerpts. */
describe('claimflow refdata update', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimflow-update-'));
    for (const [name, members] of [
      ['ccipra-v322r0-f1.zip', fixtureMembers.ptp2026q3()],
      ['mue-2026-q3.zip', fixtureMembers.mue2026q3()],
    ] as const) {
      await writeZip(join(dir, name), members);
      files.set(`/2026Q3/${name}`, readFileSync(join(dir, name)));
    }
    server = createServer((req, res) => {
      const url = req.url ?? '';
      const truncated = url.startsWith('/truncated/');
      const body = files.get(truncated ? url.slice('/truncated'.length) : url);
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': body.length });
      if (!truncated) {
        res.end(body);
        return;
      }
      // announces the whole file, sends half of it, then drops the connection
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  });

  const config = (name: string, prefix = '', pin: Record<string, unknown> = {}) => {
    const path = join(dir, name);
    writeFileSync(
      path,
      JSON.stringify({
        bundles: [
          { name: 'rvu', url: `${base}${prefix}/{quarter}/rvu{yy}{rvuLetter}.zip`, optional: true },
          { name: 'ptp-practitioner-f1', url: `${base}${prefix}/{quarter}/ccipra-v{ptpVersion}r0-f1.zip`, ...pin },
          { name: 'mue-practitioner', url: `${base}${prefix}/{quarter}/mue-{year}-q{q}.zip` },
        ],
      }),
    );
    return path;
  };

  it('downloads, verifies and imports the bundles of a quarter, recording URL and sha256 in the manifest', async () => {
    const out = join(dir, 'set-ok');
    const r = await run(['update', '--quarter', '2026Q3', '--sources', config('ok.json'), '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ptp = files.get('/2026Q3/ccipra-v322r0-f1.zip')!;
    expect(r.out).toContain(`verified ptp-practitioner-f1.zip: ${ptp.length} bytes, 2 members, sha256 ${sha(ptp)} from ${base}/2026Q3/`);
    expect(r.out).toContain('note: rvu: not published at its source for 2026Q3 (optional), skipped');
    expect(r.out).toMatch(/ncci-ptp-practitioner\s+NCCI-2026Q3\s+\d+ rows  valid 2026-07-01 \.\. 2026-09-30/);
    expect(r.out).toMatch(/ncci-mue-practitioner\s+NCCI-2026Q3\s+44 rows/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const entry = manifest.tables.find((t: { dataset: string }) => t.dataset === 'ncci-ptp-practitioner');
    expect(entry.sources).toEqual([
      { name: 'ptp-practitioner-f1.zip', bytes: ptp.length, sha256: sha(ptp), url: `${base}/2026Q3/ccipra-v322r0-f1.zip` },
    ]);
  }, 60_000);

  it('updates several quarters one after the other (as a check names them) and stops at the first failure', async () => {
    const r = await run(['update', '--quarter', '2026Q3,2026Q4', '--sources', config('two.json'), '--out', join(dir, 'set-two')]);
    expect(r.out).toMatch(/ncci-ptp-practitioner\s+NCCI-2026Q3\s+\d+ rows/);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\/2026Q4\/ccipra-v323r0-f1\.zip answered HTTP 404/);
  }, 60_000);

  it('the shipped sources cover every bundle the rules use: add-on codes required, outpatient-hospital PTP when published', () => {
    const config = readSourcesConfig(defaultSourcesFile());
    if (!config.ok) throw new Error(config.error);
    const byName = new Map(config.value.bundles.map((b) => [b.name, b]));
    expect(byName.get('addon')).toMatchObject({ url: expect.stringContaining('{year}') });
    expect(byName.get('addon')!.optional).toBeUndefined();
    for (const f of ['f1', 'f2', 'f3', 'f4']) {
      expect(byName.get(`ptp-practitioner-${f}`)).toBeDefined();
      expect(byName.get(`ptp-hospital-${f}`)).toMatchObject({ optional: true });
    }
    expect(byName.get('mue-practitioner')).toBeDefined();
    expect(byName.get('rvu')).toBeDefined();
  });

  it('a truncated download imports nothing and says why', async () => {
    const out = join(dir, 'set-truncated');
    const r = await run(['update', '--quarter', '2026Q3', '--sources', config('truncated.json', '/truncated'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^update failed, nothing imported: ptp-practitioner-f1: download of .* (broke off|is incomplete)/);
    expect(r.err).toMatch(/\(DOWNLOAD_FAILED\)$/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  }, 60_000);

  it('a bundle whose sha256 differs from the pinned one, or a required bundle the source lacks, imports nothing', async () => {
    const pinned = await run([
      'update',
      '--quarter',
      '2026Q3',
      '--sources',
      config('pin.json', '', { sha256: 'a'.repeat(64) }),
      '--out',
      join(dir, 'pin'),
    ]);
    expect(pinned.code).toBe(1);
    expect(pinned.err).toMatch(/ptp-practitioner-f1: sha256 [0-9a-f]{64} differs from the pinned a{64} \(VERIFY_FAILED\)/);
    const absent = await run(['update', '--quarter', '2026Q4', '--sources', config('q4.json'), '--out', join(dir, 'q4')]);
    expect(absent.err).toMatch(/ptp-practitioner-f1: .*\/2026Q4\/ccipra-v323r0-f1\.zip answered HTTP 404 \(DOWNLOAD_FAILED\)/);
  }, 60_000);

  it('works air-gapped from a directory of bundles, and refuses a corrupted one', async () => {
    const from = join(dir, 'downloaded');
    mkdirSync(from);
    await writeZip(join(from, 'zplc_oct2025.zip'), fixtureMembers.zip2025q4());
    const r = await run(['update', '--from', from, '--out', join(dir, 'set-from')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/mpfs-zip5\s+ZIP5-2025Q4\s+42956 rows/);
    writeFileSync(join(from, 'broken.zip'), readFileSync(join(from, 'zplc_oct2025.zip')).subarray(0, 5000));
    const bad = await run(['update', '--from', from, '--out', join(dir, 'set-bad')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/broken\.zip: not a whole ZIP file .* \(VERIFY_FAILED\)/);
    expect(existsSync(join(dir, 'set-bad', 'manifest.json'))).toBe(false);
  }, 60_000);
});
