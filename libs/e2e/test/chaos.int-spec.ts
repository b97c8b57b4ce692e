import { runChaos } from './support/chaos';

/**
 * Exactly one result per acknowledged claim through crashes: the built services as separate processes on a broker
 * and a Postgres cluster of the test's own; ingest and the validator killed (-9), the broker restarted, Postgres
 * killed (-9) and brought back, the broker frozen (SIGSTOP) with pricing stopped (SIGTERM) meanwhile, then every
 * service killed and restarted. Needs `npm run build` (npm test does it).
 */
describe('chaos: every acknowledged claim gets exactly one result', () => {
  it('loses, strands and doubles nothing through kill -9s, a broker restart and freeze, and a Postgres kill', async () => {
    const report = await runChaos({
      claims: 200,
      perSecond: 20,
      settleMs: 90_000,
      freezeMs: 10_000,
      postgresDownMs: 5_000,
      log: (l) => process.stdout.write(`chaos: ${l}\n`),
    });
    expect(report.acknowledged).toBe(200);
    expect({ lost: report.lost, stuck: report.stuck, doubled: report.doubled }).toEqual({ lost: 0, stuck: 0, doubled: 0 });
    expect(report.exactlyOne).toBe(200);
    for (const name of ['ingest', 'validator', 'pricing']) expect(report.restartToReady[name]!.length).toBeGreaterThan(0);
    // No dependency fault ends a process; readiness always answers within its deadline; a stop never needs SIGKILL.
    expect(report.unexpectedExits).toEqual({ ingest: [], validator: [], pricing: [] });
    expect(report.longestReadiness).toEqual(expect.objectContaining({ hung: 0, seconds: expect.any(Number) }));
    expect({ service: report.longestReadiness.service, under3s: report.longestReadiness.seconds < 3 }).toEqual({
      service: report.longestReadiness.service,
      under3s: true,
    });
    expect(
      Object.values(report.sigtermToExit)
        .flat()
        .every((s) => s < 10),
    ).toBe(true);
    expect(report.sigtermToExit.pricing!.length).toBeGreaterThan(0);
    expect(Object.keys(report.httpAnswers).filter((status) => Number(status) >= 500 && status !== '503')).toEqual([]);
  }, 420_000);
});
