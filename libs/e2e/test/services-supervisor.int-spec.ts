import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, startInfra, uniqueSuffix, waitFor, type Infra, type TestDatabase } from '@claimflow/testing';
import { readiness } from './support/claim-load';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../..');
const OFFSET = 6_580; // ports 9580-9584

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * scripts/services.sh as an operator runs it (a stack of its own: SERVICES_RUN_DIR, SERVICES_PORT_OFFSET): a service
 * killed -9 is restarted by its supervisor, which says so, and `stop` ends supervisors and services alike.
 * Needs `npm run build`.
 */
describe('services.sh supervises what it starts', () => {
  let infra: Infra;
  let db: TestDatabase;
  const runDir = mkdtempSync(join(tmpdir(), 'claimflow-run-'));
  let env: NodeJS.ProcessEnv;
  const services = (command: 'start' | 'stop') =>
    run('bash', [join(ROOT, 'scripts/services.sh'), command], { cwd: ROOT, env, timeout: 240_000 });
  const pidOf = (name: string) => Number(readFileSync(join(runDir, `${name}.pid`), 'utf8'));

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl, { prefix: 'claimflow_supervised' });
    env = {
      ...process.env,
      SERVICES_RUN_DIR: runDir,
      SERVICES_PORT_OFFSET: String(OFFSET),
      DATABASE_URL: db.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TOPIC_SUFFIX: `.supervised-${uniqueSuffix()}`,
      REFDATA_FALLBACK: 'latest',
      LOG_LEVEL: 'warn',
      INGEST_URL: `http://127.0.0.1:${3001 + OFFSET}`,
    };
    await services('start');
  }, 300_000);

  afterAll(async () => {
    await services('stop').catch(() => undefined);
    rmSync(runDir, { recursive: true, force: true });
    await db?.drop();
    await infra?.stop();
  }, 120_000);

  it('restarts a service killed -9, says so, and stops everything on stop', async () => {
    const killed = pidOf('ingest');
    process.kill(killed, 'SIGKILL');
    await waitFor(async () => pidOf('ingest') !== killed && (await readiness(`http://127.0.0.1:${3001 + OFFSET}`)).status === 200, {
      description: 'ingest restarted and ready',
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    const said = new RegExp(`\\[supervisor\\] \\S+ ingest \\(pid ${killed}\\) exited with status 137; restarting in 1s`);
    expect(readFileSync(join(runDir, 'logs/supervisor.log'), 'utf8')).toMatch(said);
    expect(readFileSync(join(runDir, 'logs/ingest.log'), 'utf8')).toMatch(said);

    const names = ['ingest', 'validator', 'pricing', 'feedback', 'web'];
    const pids = names.flatMap((n) => [pidOf(n), Number(readFileSync(join(runDir, `${n}.supervisor.pid`), 'utf8'))]);
    await services('stop');
    await waitFor(() => pids.every((pid) => !alive(pid)), { description: 'services and supervisors gone', timeoutMs: 30_000 });
    // Nothing came back after the stop.
    expect(
      names.filter((n) => {
        try {
          return alive(pidOf(n));
        } catch {
          return false;
        }
      }),
    ).toEqual([]);
  }, 200_000);
});
