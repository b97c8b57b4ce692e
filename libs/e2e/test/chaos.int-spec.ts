import { runChaos } from './support/chaos';

/**
 * Exactly one result per acknowledged claim through crashes: the built services as separate
 * processes on a broker of the test's own; ingest killed (-9) mid-publish, the validator killed,
 * the broker restarted, then everything killed and restarted. Needs `npm run build` (npm test does it).
 */
describe('chaos: every acknowledged claim gets exactly one result', () => {
  it('loses, strands and doubles nothing through kill -9s and a broker restart', async () => {
    const report = await runChaos({ claims: 200, perSecond: 20, settleMs: 90_000 });
    expect(report.acknowledged).toBe(200);
    expect({ lost: report.lost, stuck: report.stuck, doubled: report.doubled }).toEqual({ lost: 0, stuck: 0, doubled: 0 });
    expect(report.exactlyOne).toBe(200);
    for (const name of ['ingest', 'validator', 'pricing']) expect(report.restartToReady[name]!.length).toBeGreaterThan(0);
  }, 300_000);
});
