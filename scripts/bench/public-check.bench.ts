/**
 * Public check benchmark (issue 25 item 3): the built validator as its own process (its check pool as
 * configured, default one worker and a queue of four), on the real broker.
 * - answer bytes per request byte of one maximal check (50 unrelated codes), as sent and gzip-compressed;
 * - with a steady stream of small claims on claims.normalized.v2 (the pipeline's own work), first alone
 *   (streamOnly: what this machine's load gives), then while rounds of 20 maximal checks arrive at once
 *   (underChecks): the validator's event-loop delay p99 per 250 ms window (its /metrics), median and worst;
 *   its Kafka consumer lag (high watermarks minus the group's committed offsets), worst and at the end; the
 *   checks answered 200 and 503; the validator's CPU and RSS.
 * Run: npm run bench public-check [-- --rounds=5 --stream=50] [--services-root=DIR: the services built in another
 * checkout, e.g. the commit before the check pool, for the same figures before]
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS, envelopeToHeaders, rootEnvelope } from '@claimflow/contracts';
import { maximalClaim } from '@claimflow/domain/testing';
import { ResourceSampler } from './support/resource-sampler';
import { spawnServices } from './support/spawn-services';

const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = flag('rounds', 5);
/** Small claims sent to claims.normalized.v2 every 100 ms (500 a second): the pipeline's own work beside the checks. */
const STREAM_PER_TICK = flag('stream', 50);
const BASELINE_MS = 3000;
const AT_ONCE = 20;
const servicesRoot = process.argv.find((a) => a.startsWith('--services-root='))?.split('=')[1];
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** POSTs and counts the bytes that came back on the wire (not decompressed). */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: raw.length, text: res.headers['content-encoding'] ? '' : raw.toString() });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Every sample's value of one series in a /metrics text. */
function series(text: string, name: string): number[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith(name) && (l[name.length] === ' ' || l[name.length] === '{'))
    .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
}

async function main() {
  const suffix = `.bench-check-${Date.now()}`;
  const env = {
    KAFKA_BROKERS: brokers.join(','),
    TOPIC_SUFFIX: suffix,
    REFDATA_FALLBACK: 'latest',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PUBLIC_CHECK: '1000000',
  };
  const services = await spawnServices(env, ['validator'], servicesRoot);
  const url = services.urls.validator;
  const kafka = new Kafka({ clientId: 'bench-public-check', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  try {
    const body = maximalClaim();
    while ((await post(url, body)).status !== 200) await new Promise((r) => setTimeout(r, 200)); // the worker loading its reference data
    const plain = await post(url, body);
    const gzip = await post(url, body, { 'accept-encoding': 'gzip' });
    const requestBytes = Buffer.byteLength(body);
    const canonical = (JSON.parse(plain.text) as { claims: { claim: { lines: unknown[] } }[] }).claims[0].claim;
    const claim = { ...canonical, lines: canonical.lines.slice(0, 3) };

    const sampler = new ResourceSampler({ validator: [services.pids.validator] });
    const topic = TOPICS.claimsNormalized + suffix;
    const groupId = `claimflow-validator${suffix}`;
    /** Lag as the broker sees it (high watermarks minus the group's committed offsets): a stalled consumer cannot under-report it. */
    const lagNow = async () => {
      const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
      const at = new Map(committed.partitions.map((p) => [p.partition, Math.max(0, Number(p.offset))]));
      return ends.reduce((sum, p) => sum + Number(p.high) - (at.get(p.partition) ?? 0), 0);
    };
    /**
     * A steady stream of small claims to the validator's consumer (STREAM_PER_TICK every 100 ms) while `during` runs,
     * and every 250 ms one /metrics scrape (each restarts prom-client's event-loop histogram: one window each) and the lag.
     */
    const phase = async (during: () => Promise<void>) => {
      const windows: number[] = [];
      const lags: number[] = [];
      let running = true;
      const stream = (async () => {
        while (running) {
          const messages = Array.from({ length: STREAM_PER_TICK }, () => {
            const value = { type: 'ClaimNormalized.v2', claim: { ...claim, claimId: randomUUID() } };
            return { key: value.claim.claimId, value: JSON.stringify(value), headers: envelopeToHeaders(rootEnvelope(value.type)) };
          });
          await Promise.all([producer.send({ topic, messages }), new Promise((r) => setTimeout(r, 100))]);
        }
      })();
      const scrape = (async () => {
        await fetch(`${url}/metrics`); // starts the first window
        while (running) {
          await new Promise((r) => setTimeout(r, 250));
          const text = await (await fetch(`${url}/metrics`)).text();
          windows.push(series(text, 'claimflow_nodejs_eventloop_lag_p99_seconds')[0] ?? 0);
          lags.push(await lagNow());
        }
      })();
      await during();
      running = false;
      await Promise.all([stream, scrape]);
      const sorted = [...windows].sort((x, y) => x - y);
      const ms = (v: number | undefined) => +((v ?? 0) * 1000).toFixed(1);
      return {
        eventLoopP99MsMedianWindow: ms(sorted[Math.floor(sorted.length / 2)]),
        eventLoopP99MsWorstWindow: ms(sorted[sorted.length - 1]),
        maxKafkaLag: Math.max(0, ...lags),
        kafkaLagAtEnd: lags[lags.length - 1] ?? 0,
      };
    };
    const baseline = await phase(() => new Promise((r) => setTimeout(r, BASELINE_MS)));
    const statuses: number[] = [];
    const underChecks = await phase(async () => {
      for (let round = 0; round < ROUNDS; round++)
        statuses.push(...(await Promise.all(Array.from({ length: AT_ONCE }, () => post(url, body)))).map((r) => r.status));
    });
    const resources = sampler.stop();
    console.log(
      JSON.stringify(
        {
          maximalCheck: {
            requestBytes,
            answerBytes: plain.bytes,
            answerBytesGzip: gzip.bytes,
            answerPerRequestByte: +(plain.bytes / requestBytes).toFixed(2),
            answerPerRequestByteGzip: +(gzip.bytes / requestBytes).toFixed(2),
          },
          streamOnly: baseline,
          underChecks: {
            rounds: ROUNDS,
            checksAtOnce: AT_ONCE,
            answered200: statuses.filter((x) => x === 200).length,
            refused503: statuses.filter((x) => x === 503).length,
            ...underChecks,
          },
          resources,
        },
        null,
        2,
      ),
    );
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
