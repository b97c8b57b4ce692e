import { resolve } from 'node:path';
import { lookupCommand } from './lookup.command';

const REPO = resolve(__dirname, '../../../..');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await lookupCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('claimflow lookup', () => {
  it('prints MUE with MAI, add-on primaries and PTP pairs, each with its release and notes', async () => {
    const r = await run(['77003', '--date', '2024-08-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('MUE practitioner [release NCCI-2024Q3]\n  1 units, MAI 3 (date of service edit: clinical)');
    expect(r.out).toContain('type 1; primaries: 61050 61055 62267 62273 62280 62281 62282 62284 64449 64510 64517 64520 64610 96450');
    expect(r.out).toContain('PTP practitioner [release NCCI-2024Q3]\n  note: PTP effective dates are missing');
    expect(r.out).toContain('62323/77003 modifier 1');
    expect(r.out).toContain('77003/76000 modifier 1');
    expect(r.out).toMatch(/Fee schedule: unavailable \(No mpfs-rvu release is in force on 2024-08-01/);
  });

  it('prints fee-schedule rows without descriptions, and says a partial release does not know a code', async () => {
    const r = await run(['77003', '--date', '2026-08-01']);
    expect(r.out).toContain('Fee schedule [release MPFS-2026-JUL-PARTIAL, PARTIAL]');
    expect(r.out).toContain('total non-fac 3.13 ($104.54)');
    expect(r.out).not.toMatch(/Fluoroguide/i);
    expect((await run(['99213', '--date', '2026-08-01'])).out).toContain(
      'Fee schedule [release MPFS-2026-JUL-PARTIAL, PARTIAL]\n  note: Partial release',
    );
    // The fee schedule's excerpt says it is an excerpt (#27); the partial NCCI releases keep their own wording.
    expect((await run(['99213', '--date', '2026-08-01'])).out).toContain('not in the 2026 excerpt shipped here (unknown to it, not free)');
  });

  it('answers in JSON with --json and falls back to the newest release only with --latest', async () => {
    const r = await run(['76000', '--date', '2024-08-01', '--latest', '--json']);
    const json = JSON.parse(r.out);
    expect(json.feeSchedule).toMatchObject({ release: 'MPFS-2026-JUL-PARTIAL', partial: true, value: { conversionFactor: 33.4009 } });
    expect(json.mue.practitioner).toMatchObject({ release: 'NCCI-2024Q3', value: { value: 3, mai: 3 } });
  });

  it('issue #27: a code missing from the CY2026 fee-schedule excerpt is said to be missing from the excerpt, never from the fee schedule', async () => {
    const r = await run(['99213', '--date', '2026-11-02']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /not in the 2026 excerpt shipped here \(unknown to it, not free\); `claimflow fee 99213 --date 2026-11-02` shows the nearest full year's figures/,
    );
    expect(r.out).not.toMatch(/not in (the )?fee schedule/);
  });

  it('rejects a bad date with usage', async () => {
    const r = await run(['77003', '--date', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: claimflow lookup');
    expect(r.err).toMatch(/^lookup: ARGUMENT_INVALID: give one code/m);
  });

  it('issue #27: with --json a bad argument is one JSON document on stdout, nothing on stderr', async () => {
    const r = await run(['77003', '--date', '2024-02-30', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'error', exitCode: 2, errors: [{ code: 'ARGUMENT_INVALID' }] });
  });
});
