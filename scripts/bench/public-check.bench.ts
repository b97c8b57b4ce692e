/**
 * Public check benchmark (issue 25 item 3): the built validator as its own process (its check pool as
 * configured, default one worker and a queue of four), on the real broker.
 * - answer bytes per request byte of one maximal check (50 unrelated codes), as sent and gzip-compressed;
 * - while rounds of 20 maximal checks arrive at once and claims.normalized.v1 carries a steady stream of
 *   claims to the validator's consumer: the validator's event-loop delay p99 and max (its /metrics,
 *   claimflow_nodejs_eventloop_lag_*), its Kafka consumer lag (claimflow_kafka_consumer_lag, summed over
 *   partitions, largest sample), the checks answered 200 and 503, and the validator's RSS.
 * Run: npm run bench public-check [-- --rounds=5 --claims=2000]
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS, envelopeToHeaders, rootEnvelope } from '@claimflow/contracts';
import { maximalClaim } from '../../services/validator/test/support/maximal-claim';
import { ResourceSampler } from './support/resource-sampler';
import { spawnServices } from './support/spawn-services';

const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = flag('rounds', 5);
const CLAIMS = flag('claims', 2000);
const AT_ONCE = 20;
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

/** One series of the validator's /metrics: every sample's value. */
async function metric(url: string, name: string): Promise<number[]> {
  const text = await (await fetch(`${url}/metrics`)).text();
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
  const services = await spawnServices(env, ['validator']);
  const url = services.urls.validator;
  const kafka = new Kafka({ clientId: 'bench-public-check', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
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
    // Each scrape also restarts prom-client's event-loop histogram: the figures are the worst 250 ms window.
    const worst = { lag: 0, p99: 0, max: 0 };
    const watch = async () => {
      const [lagBy, [p99], [max]] = await Promise.all(
        ['claimflow_kafka_consumer_lag', 'claimflow_nodejs_eventloop_lag_p99_seconds', 'claimflow_nodejs_eventloop_lag_max_seconds'].map(
          (m) => metric(url, m),
        ),
      );
      worst.lag = Math.max(
        worst.lag,
        lagBy.reduce((a, b) => a + b, 0),
      );
      worst.p99 = Math.max(worst.p99, p99 ?? 0);
      worst.max = Math.max(worst.max, max ?? 0);
    };
    await watch();
    Object.assign(worst, { lag: 0, p99: 0, max: 0 });
    const lagWatch = setInterval(() => void watch(), 250);
    const stream = (async () => {
      for (let sent = 0; sent < CLAIMS; sent += 100) {
        const messages = Array.from({ length: 100 }, () => {
          const value = { type: 'ClaimNormalized.v1', claim: { ...claim, claimId: randomUUID() } };
          return { key: value.claim.claimId, value: JSON.stringify(value), headers: envelopeToHeaders(rootEnvelope(value.type)) };
        });
        await producer.send({ topic, messages });
      }
    })();
    const statuses: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      statuses.push(...(await Promise.all(Array.from({ length: AT_ONCE }, () => post(url, body)))).map((r) => r.status));
    await stream;
    clearInterval(lagWatch);
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
          underLoad: {
            rounds: ROUNDS,
            checksAtOnce: AT_ONCE,
            answered200: statuses.filter((s) => s === 200).length,
            refused503: statuses.filter((s) => s === 503).length,
            claimsStreamed: CLAIMS,
            eventLoopP99Ms: +(worst.p99 * 1000).toFixed(1),
            eventLoopMaxMs: +(worst.max * 1000).toFixed(1),
            maxKafkaLag: worst.lag,
            resources,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await producer.disconnect();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
