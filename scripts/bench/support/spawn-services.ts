import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { kafkaServiceEnv, type KafkaPrincipal } from '@claimflow/testing';

const ROOT = join(__dirname, '../../..');

/** The built services as separate processes (like `npm run demo`), on their own topics and database. */
export async function spawnServices(
  env: Record<string, string>,
  names: readonly string[],
  root = ROOT,
): Promise<{ urls: Record<string, string>; pids: Record<string, number>; stop(): Promise<void> }> {
  const children: ChildProcess[] = [];
  const urls: Record<string, string> = {};
  const pids: Record<string, number> = {};
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          // SERVICES_NODE_ARGS: node flags NODE_OPTIONS refuses (e.g. --cpu-prof --cpu-prof-dir=DIR, for a profile per service).
          const nodeArgs = (process.env.SERVICES_NODE_ARGS ?? '').split(' ').filter(Boolean);
          const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist/services', name, 'src/main.js')], {
            // The heap sizes the services run with (Dockerfile, scripts/services.sh); SERVICES_NODE_OPTIONS replaces them
            // (e.g. SERVICES_NODE_OPTIONS= to measure without it).
            // Each service signs in to the broker as its own principal.
            env: {
              ...process.env,
              NODE_OPTIONS: process.env.SERVICES_NODE_OPTIONS ?? '--max-old-space-size=320 --max-semi-space-size=32',
              ...env,
              ...kafkaServiceEnv(name as KafkaPrincipal, (env.KAFKA_BROKERS ?? '').split(',')),
              PORT: '0',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          children.push(child);
          pids[name] = child.pid!;
          let out = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const m = new RegExp(`${name} listening on (\\S+?)"`).exec(out);
            if (m && !urls[name]) {
              urls[name] = m[1].replace('[::1]', '127.0.0.1');
              resolve();
            }
          });
          child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('exit', (code) => (urls[name] ? undefined : reject(new Error(`${name} exited with ${code}:\n${out.slice(-2000)}`))));
        }),
    ),
  );
  return {
    urls,
    pids,
    stop: async () => {
      await Promise.all(
        children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM'))))),
      );
    },
  };
}

/** The claim path's services as the pipeline bench runs them: separate processes on the bench's topics and database. */
export async function spawnPipeline(
  databaseUrl: string,
  on: { brokers: readonly string[]; partitions: number; suffix: string; httpClaims: number },
  root?: string,
) {
  const env = {
    KAFKA_BROKERS: on.brokers.join(','),
    KAFKA_PARTITIONS: String(on.partitions),
    DATABASE_URL: databaseUrl,
    TOPIC_SUFFIX: on.suffix,
    LOG_LEVEL: 'warn',
    REFDATA_FALLBACK: 'latest',
    INGEST_MAX_BODY: '64mb',
    INGEST_MAX_CLAIMS: String(on.httpClaims),
  };
  const services = await spawnServices(env, ['ingest', 'validator', 'pricing'], root);
  return { ingestUrl: services.urls.ingest, pids: services.pids, close: services.stop };
}
