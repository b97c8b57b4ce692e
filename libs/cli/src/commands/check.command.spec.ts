import { mkdtempSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from './check.command';

const SCENARIOS = join(__dirname, '../../../domain/src/intake/__fixtures__/scenarios');
const FIXTURES = join(__dirname, '../../../domain/src/intake/__fixtures__');

async function check(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await checkCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Checked {
  outcome: string;
  validation: { outcome: string; lines: { code: string; denied: boolean; edits: { code: string; fix: { action: string } }[] }[] };
  pricing: { ok: boolean; value?: { totals: { allowed: number }; lines: { code: string; allowed: number }[] } };
}
interface Report {
  outcome: string;
  exitCode: number;
  claims: Checked[];
  rejected: { errors: { source?: string }[] }[];
  errors: { code: string; message: string }[];
}
const report = (out: string) => JSON.parse(out) as Report;

describe('claimflow check', () => {
  it('checks every seed scenario in-process and prints the edit/price contract as JSON', async () => {
    for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'))) {
      const { out } = await check(join(SCENARIOS, file), '--json', '--latest');
      const [result] = report(out).claims;
      expect(result.validation.lines.length).toBeGreaterThan(0);
      expect(result.pricing.ok).toBe(true);
    }
  });

  it('flags 77003 beside 62323 with its fix and prices 62323 alone', async () => {
    const { out } = await check(join(SCENARIOS, 'lesi-62323-77003-pos11.json'), '--json', '--latest');
    const [result] = report(out).claims;
    const fluoro = result.validation.lines.find((l) => l.code === '77003')!;
    expect(fluoro.denied).toBe(true);
    expect(fluoro.edits.find((e) => e.code === 'GUIDANCE_INCLUDED')?.fix.action).toBe('remove-line');
    const priced = result.pricing.value!;
    expect(priced.lines.find((l) => l.code === '77003')?.allowed).toBe(0);
    expect(priced.totals.allowed).toBe(priced.lines.find((l) => l.code === '62323')?.allowed);
  });

  it('reads an X12 837P interchange and a FHIR Bundle too, in one shape for one claim or many', async () => {
    const x12 = report((await check(join(FIXTURES, 'x12/many-claims.x12'), '--json', '--latest')).out);
    expect(x12.claims.length + x12.rejected.length).toBe(5);
    const fhir = await check(join(FIXTURES, 'fhir/claims.bundle.fhir.json'), '--json', '--latest');
    // One claim of the bundle cannot be read: exit 2 ("could not be checked"; it was 1 before issue #27 gave 1 to denials).
    expect(fhir.code).toBe(2);
    expect(report(fhir.out).claims.length + report(fhir.out).rejected.length).toBe(2);
    const one = report((await check(join(SCENARIOS, 'picc-36569-77001.json'), '--json', '--latest')).out);
    expect(Array.isArray(one.claims)).toBe(true);
  });

  it('says without --latest that 2025 NCCI edits are not loaded, rather than guessing', async () => {
    const { out } = await check(join(SCENARIOS, 'lesi-62323-77003-pos11.json'), '--json');
    const [result] = report(out).claims as (Checked & { validation: { edits: { code: string }[] } })[];
    expect(result.validation.edits.some((e) => e.code === 'REFDATA_UNAVAILABLE')).toBe(true);
  });
});

describe('claimflow check is scriptable: exit codes and errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-check-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('exits 1 when a line is denied, and says the claim is denied first', async () => {
    const r = await check(join(FIXTURES, 'json/lesi-pos22.claim.json'));
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(/^claim LESI-2025-0001 \(POS 22\): DENIED$/);
    expect(r.out).toContain('to check them: claimflow refdata update --quarter 2025Q1');
    expect(r.out).toMatch(/result: DENIED \(exit 1\)/);
  });

  it('exits 2 when nothing is denied but an edit family was not checked (incomplete, never clean)', async () => {
    const only = await check(file('one.json', JSON.stringify({ ...JSON.parse(JSON.stringify(claimJson)) })), '--json');
    expect(report(only.out)).toMatchObject({ outcome: 'incomplete', exitCode: 2 });
    expect(only.code).toBe(2);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), 'FILE_NOT_FOUND', /Cannot read .*nope\.json: no such file\./],
    ['a JSON typo', () => file('typo.json', '{\n  "claimId": "x",\n}'), 'JSON_INVALID', /is not valid JSON at line 3, column 1/],
    ['a file that is not a claim', () => file('text.txt', 'hello'), 'FORMAT_UNKNOWN', /neither JSON/],
  ])('%s: exit 2, a code and a sentence, no stack; with --json one JSON document on stdout', async (_name, path, code, message) => {
    const text = await check(path());
    expect(text).toMatchObject({ code: 2, out: '' });
    expect(text.err).toMatch(new RegExp(`^claimflow check: ${code}: `));
    expect(text.err).toMatch(message);
    expect(text.err).not.toMatch(/\n\s+at /);
    const json = await check(path(), '--json');
    expect(json).toMatchObject({ code: 2, err: '' });
    expect(report(json.out)).toMatchObject({ outcome: 'error', exitCode: 2, claims: [], errors: [{ code }] });
  });

  it('usage errors are JSON too with --json', async () => {
    const r = await check('--json');
    expect(r.code).toBe(2);
    expect(report(r.out).errors[0].code).toBe('USAGE');
  });

  it('prints the X12 segment of each error of a claim that could not be read, and exits 2', async () => {
    const r = await check(join(FIXTURES, 'x12/mixed-claims.x12'));
    expect(r.out).toMatch(/NOT CHECKED, the claim could not be read/);
    expect(r.out).toMatch(/\[[A-Z0-9]+ segment \d+\]/);
    expect(r.out.indexOf('claim GOOD-001')).toBeLessThan(r.out.indexOf('claim BAD-002'));
    expect(r.code).toBe(
      report((await check(join(FIXTURES, 'x12/mixed-claims.x12'), '--json')).out).claims.some((c) => c.outcome === 'denied') ? 1 : 2,
    );
  });
});

// A 2026-08-03 office visit alone: the CY2026 fee schedule and NCCI 2026Q3 shipped are excerpts, so it is incomplete.
const claimJson = {
  claimId: 'CLI-1',
  submitterClaimId: 'CLI-1',
  placeOfService: '11',
  billingProvider: { npi: '1234567893', zip: '10016' },
  lines: [{ lineNumber: 1, code: '77003', modifiers: ['26'], units: 1, dateOfService: '2026-08-03' }],
};
