import { execFileSync } from 'node:child_process';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PrismaHealthIndicator } from '@claimflow/runtime';
import { freePortBlock, startPrivatePostgres, waitFor, type PrivatePostgres } from '@claimflow/testing';

/** Every process of the private cluster: the postmaster and its children (the backend serving the probe among them). */
function clusterPids(pg: PrivatePostgres): number[] {
  const children = execFileSync('pgrep', ['-P', String(pg.pid())], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);
  return [pg.pid(), ...children];
}

/**
 * The database's readiness probe on a frozen server (SIGSTOP of every process of a private cluster: a network partition
 * as a client sees it) answers down within its deadline, every time, and up again once the server runs again: the
 * probe's own connection neither hangs the answer nor stays stuck on the ping that never got an answer.
 */
describe('readiness of a frozen database (private cluster, SIGSTOP)', () => {
  let pg: PrivatePostgres;
  let frozen: number[] = [];

  beforeAll(async () => {
    pg = await startPrivatePostgres(await freePortBlock(1));
  }, 120_000);

  afterAll(async () => {
    for (const pid of frozen) process.kill(pid, 'SIGCONT');
    await pg?.destroy();
  }, 60_000);

  it('answers down within 3 s while frozen and up again after', async () => {
    const probe = new PrismaHealthIndicator(pg.url, new HealthIndicatorService());
    try {
      expect(await probe.check()).toEqual({ postgres: { status: 'up' } });
      frozen = clusterPids(pg);
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      for (let i = 0; i < 3; i++) {
        const asked = Date.now();
        expect((await probe.check()).postgres.status).toBe('down');
        expect(Date.now() - asked).toBeLessThan(3000);
      }
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
      await waitFor(async () => (await probe.check()).postgres.status === 'up', { description: 'the probe up again', timeoutMs: 15_000 });
    } finally {
      probe.onApplicationShutdown();
    }
  }, 60_000);
});
