import { feeCommand } from './fee.command';

/** `claimflow fee` against the shipped data. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await feeCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('claimflow fee (shipped data)', () => {
  it('prints the national table for 77003 like the seed calculator', async () => {
    const r = await run('77003', '--date', '2025-11-03');
    if (process.env.SHOW_FEE) console.log(r.out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/77003 on 2025-11-03: conversion factor 32.3465/);
    expect(r.out).toMatch(/global\s+A\s+0\.60\s+2\.44\s+2\.44\s+0\.04\s+3\.08\s+3\.08\s+\$99\.63\s+NA/);
    expect(r.out).toMatch(/allowed \$99\.63\s+Medicare 80% \$79\.70\s+coinsurance 20% \$19\.93\s+limiting charge \$108\.85/);
    expect(r.out).toMatch(/Note: No locality or ZIP was given: priced with national GPCIs/);
  });

  it('issue #27: a code the CY2026 excerpt lacks is "not in the CY2026 excerpt shipped here", with CY2025 figures labelled', async () => {
    const r = await run('99213', '--date', '2026-11-02');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(
      /^99213 is not in the CY2026 excerpt shipped here \(MPFS-2026-JUL-PARTIAL, a partial fee schedule\)\. The figures shown are CY2025's \(MPFS-2025-OCT, the nearest full year\), for reference only: not CY2026 amounts\.$/,
    );
    expect(r.out).toMatch(/99213 on 2025-12-31 \(CY2025 reference figures, not for 2026-11-02\): conversion factor 32\.3465/);
    expect(r.out).toMatch(/Chosen \(CY2025 reference figures, not for 2026-11-02\): 99213 at POS 11 \(non-facility\): priced/);
    expect(r.out).not.toMatch(/not in (the )?fee schedule|\$0\.00/);
    const json = JSON.parse((await run('99213', '--date', '2026-11-02', '--json')).out);
    expect(json.excerpt).toMatchObject({ requestedDate: '2026-11-02', release: 'MPFS-2026-JUL-PARTIAL', period: 'CY2025' });
  });

  it('without --date looks up today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const json = JSON.parse((await run('77003', '--json')).out);
    expect(json.date).toBe(today);
  });

  it('prices a component at a locality and prints JSON', async () => {
    const r = await run('77003', '--modifier', '26', '--locality', '10112-00', '--pos', '22', '--date', '2025-11-03', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    // (0.60 + 0.21 x 0.869 + 0.03 x 0.575) x 32.3465 = 25.87
    expect(json.chosen).toMatchObject({ modifier: '26', setting: 'facility', allowed: 25.87 });
    expect(json.locality).toMatchObject({ carrier: '10112', locality: '00', name: 'ALABAMA', source: 'claim' });
  });

  it('maps a ZIP, and 2026 reads its own conversion factor', async () => {
    const r = await run('76000', '--zip', '35203', '--date', '2026-02-02', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    // Alabama 2026: (0.30 + 0.98 x 0.875 + 0.04 x 0.566) x 33.4009 = 1.18014 x 33.4009 = 39.417... -> 39.42
    expect(json.chosen.allowed).toBe(39.42);
    expect(json.conversionFactor).toBe(33.4009);
    expect(json.locality).toMatchObject({ carrier: '10112', locality: '00', source: 'zip' });
    expect(json.releases).toEqual(expect.arrayContaining(['MPFS-2026-JUL-PARTIAL', 'MPFS-2026-GPCI', 'ZIP5-2025Q4']));
  });

  it('prices a 2025 date before the 2025Q4 crosswalk by ZIP in strict mode (the year rule), naming the crosswalk', async () => {
    const r = await run('77003', '--date', '2025-06-01', '--zip', '10016', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.locality).toMatchObject({ source: 'zip' });
    expect(json.releases).toEqual(expect.arrayContaining(['MPFS-2025-OCT', 'MPFS-2025-GPCI', 'ZIP5-2025Q4']));
    expect(json.notes.join(' ')).toMatch(/crosswalk ZIP5-2025Q4 \(the latest of 2025\) was used for a 2025 date of service/);
    expect((await run('77003', '--date', '2024-06-01', '--zip', '10016')).code).toBe(1);
  });

  it('a date no fee schedule covers is an error unless --latest', async () => {
    const r = await run('76000', '--date', '2024-05-01');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/NO_RELEASE_IN_FORCE/);
    const latest = await run('76000', '--date', '2024-05-01', '--latest', '--json');
    expect(JSON.parse(latest.out).notes.join(' ')).toMatch(/newest loaded release/);
  });

  it('rejects bad arguments with the usage', async () => {
    const r = await run('77003', '--modifier', '59');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--modifier must be 26 or TC/);
    expect(r.err).toMatch(/Usage: claimflow fee/);
    expect(r.err).toMatch(/^fee: ARGUMENT_INVALID: --modifier must be 26 or TC$/m);
  });

  it('issue #27: with --json every failure is one JSON document on stdout (code and sentence), nothing on stderr', async () => {
    const bad = await run('77003', '--modifier', '59', '--json');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('');
    expect(JSON.parse(bad.out)).toEqual({
      outcome: 'error',
      exitCode: 2,
      errors: [{ code: 'ARGUMENT_INVALID', message: '--modifier must be 26 or TC' }],
    });
    const none = await run('77003', '--date', '2024-06-01', '--zip', '10016', '--json');
    expect(none.code).toBe(1);
    expect(none.err).toBe('');
    expect(JSON.parse(none.out)).toMatchObject({ outcome: 'error', exitCode: 1, errors: [{ code: 'NO_RELEASE_IN_FORCE' }] });
  });
});
