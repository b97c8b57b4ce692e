import { freePortBlock } from '@claimflow/testing';
import { runClusterKill } from './support/cluster-kill';

/**
 * ClaimFlow on a three-broker cluster (scripts/kafka.sh KAFKA_NODES=3: replication factor 3, min.insync.replicas 2,
 * producers acks=all, one request in flight, each send retried whole): the node leading the most partitions is killed (-9) under load and restarted.
 * Needs `npm run build` (npm test does it). Ports: a free block of 33 (freePortBlock).
 */
describe('a three-broker cluster loses a broker without losing a claim', () => {
  it('prices every acknowledged claim exactly once through kill -9 of a leader, and the node rejoins', async () => {
    const lines: string[] = [];
    const report = await runClusterKill({
      // Nodes on port, +10, +20 (each with controller +1 and dev listener +2), services on port+30..port+32.
      port: await freePortBlock(33),
      claims: 300,
      perSecond: 6,
      killAt: 0.25,
      settleMs: 120_000,
      log: (line) => lines.push(`${new Date().toISOString()} ${line}`),
    });
    // Figures only: no claim content reaches the output. A run that went wrong also says why (codes, masked logs).
    const { diagnosis, ...figures } = report;
    const clean = report.statuses.priced === 300 && Object.keys(report.statuses).length === 1 && report.stuck + report.lost === 0;
    console.log(`${lines.join('\n')}\n${JSON.stringify(figures, null, 1)}`);
    if (!clean) console.log(`diagnosis:\n${JSON.stringify(diagnosis, null, 1)}`);
    expect(report.topics.count).toBeGreaterThanOrEqual(5);
    expect(report.topics).toMatchObject({ replicas: [3], minInsync: ['2'] });
    expect(report.partitionsLed).toBeGreaterThan(0);
    expect(report.acknowledged).toBe(300);
    expect({ lost: report.lost, stuck: report.stuck, doubled: report.doubled }).toEqual({ lost: 0, stuck: 0, doubled: 0 });
    expect(report.exactlyOne).toBe(300);
    expect(report.statuses).toEqual({ priced: 300 });
    // A dead broker is fenced after broker.session.timeout.ms (9 s), then its partitions get new leaders.
    expect(report.electionSeconds).toBeLessThan(30);
    for (const [service, seconds] of Object.entries(report.longestUnready)) expect([service, seconds < 30]).toEqual([service, true]);
    expect(report.catchUpSeconds).toBeLessThan(120);
    expect(report.underReplicatedAfter).toBe(0);
  }, 600_000);
});
