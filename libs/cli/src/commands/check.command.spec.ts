import { readdirSync } from 'node:fs';
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
  validation: { lines: { code: string; denied: boolean; edits: { code: string; fix: { action: string } }[] }[] };
  pricing: { ok: boolean; value?: { totals: { allowed: number }; lines: { code: string; allowed: number }[] } };
}

describe('claimflow check', () => {
  it('checks every seed scenario in-process and prints the edit/price contract as JSON', async () => {
    for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'))) {
      const { out } = await check(join(SCENARIOS, file), '--json', '--latest');
      const result = JSON.parse(out) as Checked;
      expect(result.validation.lines.length).toBeGreaterThan(0);
      expect(result.pricing.ok).toBe(true);
    }
  });

  it('flags 77003 beside 62323 with its fix and prices 62323 alone', async () => {
    const { out } = await check(join(SCENARIOS, 'lesi-62323-77003-pos11.json'), '--json', '--latest');
    const result = JSON.parse(out) as Checked;
    const fluoro = result.validation.lines.find((l) => l.code === '77003')!;
    expect(fluoro.denied).toBe(true);
    expect(fluoro.edits.find((e) => e.code === 'GUIDANCE_INCLUDED')?.fix.action).toBe('remove-line');
    const priced = result.pricing.value!;
    expect(priced.lines.find((l) => l.code === '77003')?.allowed).toBe(0);
    expect(priced.totals.allowed).toBe(priced.lines.find((l) => l.code === '62323')?.allowed);
  });

  it('reads an X12 837P interchange and a FHIR Bundle too', async () => {
    const x12 = await check(join(FIXTURES, 'x12/many-claims.x12'), '--json', '--latest');
    expect((JSON.parse(x12.out) as unknown[]).length).toBe(5);
    const fhir = await check(join(FIXTURES, 'fhir/claims.bundle.fhir.json'), '--json', '--latest');
    expect(fhir.code).toBe(1);
    expect(JSON.parse(fhir.out)).toHaveLength(2);
  });

  it('says without --latest that 2025 NCCI edits are not loaded, rather than guessing', async () => {
    const { out } = await check(join(SCENARIOS, 'lesi-62323-77003-pos11.json'), '--json');
    const result = JSON.parse(out) as Checked & { validation: { edits: { code: string; severity: string }[] } };
    expect(result.validation.edits.some((e) => e.code === 'REFDATA_UNAVAILABLE')).toBe(true);
  });
});
