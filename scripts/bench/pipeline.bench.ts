/**
 * The running pipeline on the real broker and database: claims published on claims.submitted.v1
 * until priced (claims/s, p50/p99 end-to-end latency), and an 837P of N claims posted over HTTP
 * and accepted into Kafka (claims/s). Needs the broker and Postgres (npm run bench starts them).
 * Run: node scripts/bench/run-ts.mjs scripts/bench/pipeline.bench.ts [kafkaClaims=2000] [httpClaims=10000] [--processes]
 * --processes runs the built services (dist/) as separate processes, as deployed; default: in this process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@claimflow/contracts';
import { normalizeClaim, write837, type Claim } from '@claimflow/domain';
import { TopicRecorder, createTestDatabase, mintTestKey, uniqueSuffix, waitFor } from '@claimflow/testing';
import { startPipeline } from '../../libs/e2e/test/support/start-pipeline';
import { spawnServices } from './support/spawn-services';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const separateProcesses = process.argv.includes('--processes');
const kafkaClaims = Number(args[0] ?? 2000);
const httpClaims = Number(args[1] ?? 10000);
const SCENARIOS = join(__dirname, '../../libs/domain/src/intake/__fixtures__/scenarios');
const scenarios = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(SCENARIOS, f), 'utf8')));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const suffix = `.bench-${uniqueSuffix()}`;
  const db = await createTestDatabase(databaseUrl, { prefix: 'claimflow_bench' });
  const recorder = await TopicRecorder.start(brokers, [TOPICS.claimsPriced + suffix], `bench-recorder${suffix}`);
  const pipeline = separateProcesses
    ? await spawnPipeline(db.urls.ingest, suffix)
    : await startPipeline({ brokers, databaseUrl: db.urls.ingest, suffix, maxBody: '64mb', maxClaims: httpClaims });
  const producer = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    const sentAt = new Map<string, number>();
    const started = Date.now();
    for (let i = 0; i < kafkaClaims; i += 100) {
      const batch = Array.from({ length: Math.min(100, kafkaClaims - i) }, (_, j) => {
        const n = i + j;
        sentAt.set(`bench-${n}`, Date.now());
        return {
          key: `K-${n}`,
          value: JSON.stringify({ ...scenarios[n % scenarios.length], submitterClaimId: `K-${n}` }),
          headers: { 'content-type': 'application/json', 'cf-correlation-id': `bench-${n}` },
        };
      });
      await producer.send({ topic: TOPICS.claimsSubmitted + suffix, messages: batch });
    }
    await waitFor(() => recorder.messages.length >= kafkaClaims, {
      description: `${kafkaClaims} claims priced`,
      timeoutMs: 600_000,
      intervalMs: 200,
    });
    const latencies = recorder.messages
      .filter((m) => sentAt.has(m.headers['cf-correlation-id']))
      .map((m) => m.receivedAt - (sentAt.get(m.headers['cf-correlation-id']) ?? m.receivedAt))
      .sort((a, b) => a - b);
    const elapsed = (Math.max(...recorder.messages.map((m) => m.receivedAt)) - started) / 1000;
    const kafka = {
      claims: kafkaClaims,
      seconds: +elapsed.toFixed(2),
      claimsPerSecond: Math.round(kafkaClaims / elapsed),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
    };

    // Latency at a steady rate the pipeline keeps up with (the burst above measures capacity).
    const paced = 200;
    const rate = 40;
    const pacedSent = new Map<string, number>();
    for (let n = 0; n < paced; n++) {
      const due = started + elapsed * 1000 + 1000 + (n * 1000) / rate;
      while (Date.now() < due) await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      pacedSent.set(`paced-${n}`, Date.now());
      await producer.send({
        topic: TOPICS.claimsSubmitted + suffix,
        messages: [
          {
            key: `P-${n}`,
            value: JSON.stringify({ ...scenarios[n % scenarios.length], submitterClaimId: `P-${n}` }),
            headers: { 'content-type': 'application/json', 'cf-correlation-id': `paced-${n}` },
          },
        ],
      });
    }
    const pacedDone = await waitFor(
      () => {
        const got = recorder.messages.filter((m) => pacedSent.has(m.headers['cf-correlation-id']));
        return got.length >= paced && got;
      },
      { description: 'paced claims priced', timeoutMs: 300_000 },
    );
    const pacedLatency = pacedDone.map((m) => m.receivedAt - pacedSent.get(m.headers['cf-correlation-id'])!).sort((a, b) => a - b);
    const steady = { claims: paced, claimsPerSecond: rate, p50Ms: percentile(pacedLatency, 50), p99Ms: percentile(pacedLatency, 99) };

    const claims: Claim[] = scenarios.map((s, i) => {
      const r = normalizeClaim(s, { claimId: `s-${i}` });
      if (!r.ok) throw new Error('scenario does not normalize');
      return r.value;
    });
    const x12 = [
      ...write837(
        (function* () {
          for (let i = 0; i < httpClaims; i++) yield { ...claims[i % claims.length], submitterClaimId: `H-${i}` };
        })(),
        { control: 1 },
      ),
    ].join('');
    const key = await mintTestKey(db.url, { owner: 'bench', scopes: ['claims:submit'] });
    const t0 = Date.now();
    const res = await fetch(`${pipeline.ingestUrl}/v1/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/edi-x12', ...key.headers },
      body: x12,
    });
    const body = (await res.json()) as { claims: unknown[]; rejected: unknown[] };
    const seconds = (Date.now() - t0) / 1000;
    const http = {
      claims: httpClaims,
      bytes: x12.length,
      status: res.status,
      accepted: body.claims.length,
      rejected: body.rejected.length,
      seconds: +seconds.toFixed(2),
      claimsPerSecond: Math.round(body.claims.length / seconds),
    };
    console.log(
      JSON.stringify(
        {
          benchmark: 'pipeline',
          services: separateProcesses ? 'separate processes (dist)' : 'one process',
          kafkaBurstToPriced: kafka,
          kafkaSteadyLatency: steady,
          httpIntoKafka: http,
        },
        null,
        2,
      ),
    );
  } finally {
    await producer.disconnect();
    await pipeline.close();
    await recorder.stop();
    await db.drop();
  }
}

async function spawnPipeline(databaseUrl: string, suffix: string) {
  const env = {
    KAFKA_BROKERS: brokers.join(','),
    DATABASE_URL: databaseUrl,
    TOPIC_SUFFIX: suffix,
    LOG_LEVEL: 'warn',
    REFDATA_FALLBACK: 'latest',
    INGEST_MAX_BODY: '64mb',
    INGEST_MAX_CLAIMS: String(httpClaims),
  };
  const services = await spawnServices(env, ['ingest', 'validator', 'pricing']);
  return { ingestUrl: services.urls.ingest, close: services.stop };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
