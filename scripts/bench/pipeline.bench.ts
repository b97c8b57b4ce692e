/**
 * The running pipeline on the real broker and database, against null pipelines (Kafka hops on the same
 * partitions doing no work: one with the real messages' sizes, one bare with 430-byte messages) measured
 * in the same run, so the figures that survive a noisy machine are the ratios. Phases, in order:
 * - quiet: a steady rate on the idle pipeline (latency p50/p99);
 * - burst: N claims published on claims.submitted.v1 at once, until all are priced (claims/s, latency),
 *   with CPU and memory of each service;
 * - steady: the same rate right after the burst (must be as good as quiet); http: an 837P of N claims posted to ingest;
 * - null: the null pipeline with the burst's size and the real messages' sizes;
 * - bare null: bare kafkajs, three hops of 430-byte messages, the burst's size (issue #30's ratio).
 * Everything runs on the secured listener (SASL_SSL, SCRAM-SHA-512 over TLS), the null pipelines included, each hop
 * under its own principal. The output states what each figure is (`figures`) and the load average.
 * Needs the broker and Postgres (npm run bench starts them) and, by default, the build in dist/.
 * Run: npm run bench pipeline [-- --burst=20000 --rate=500 --steady-seconds=5 --warmup-seconds=20 --http=10000 --partitions=12 --results=v2 --in-process]
 * --results=v1 gives the bench owner a v1 results topic (ClaimResult.v1, an owner not moved yet) instead of v2.
 * --in-process runs the services in this process instead of as separate processes (as deployed);
 * --services-root=DIR runs the services built in another checkout (e.g. the commit before a change, for a profile).
 * The services run with the deployed heap cap; SERVICES_NODE_OPTIONS= (empty) measures them without it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS } from '@claimflow/contracts';
import { createTestDatabase, kafkaClientAs, mintTestKey, uniqueSuffix } from '@claimflow/testing';
import { createOwnerTopics, startPipeline } from '@claimflow/e2e';
import { meanResultBytes } from './support/results-bytes';
import { Tracker, startBenchRecorders } from './support/claim-tracker';
import { runNullPipeline } from './support/null-pipeline';
import { bareNullPipeline, sameSizesNullPipeline } from './support/null-pipeline-shapes';
import { PIPELINE_FIGURES, cpuMsPerClaimTotal, loadAverageNow } from './support/pipeline-figures';
import { backendPids } from './support/postgres-backends';
import { ledgerSettled } from './support/ledger-settled';
import { ledgerWrites } from './support/ledger-writes';
import { postX12 } from './support/post-x12';
import { ResourceSampler, type ResourceFigures } from './support/resource-sampler';
import { besidesSampler } from './support/besides-pipeline';
import { spawnPipeline } from './support/spawn-services';
import { pipelineArgs } from './support/pipeline-args';

const args = pipelineArgs(process.argv.slice(2));
const { brokers, databaseUrl, burstClaims, warmupSeconds, httpClaims, rate, steadySeconds, partitions } = args;
const { separateProcesses, servicesRoot, resultsVersion } = args;
const SCENARIOS = join(__dirname, '../../libs/domain/src/intake/__fixtures__/scenarios');
const scenarios = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(SCENARIOS, f), 'utf8')));

const suffix = `.bench-${uniqueSuffix()}`;
/** The bench owner's submit topic (claims.submitted.v1.bench + suffix), created before the services start. */
let submitTopic = '';

async function main() {
  const db = await createTestDatabase(databaseUrl, { prefix: 'claimflow_bench' });
  const recorders = await startBenchRecorders(brokers, suffix, partitions);
  const ownerTopics = await createOwnerTopics(brokers, 'bench', suffix, partitions, resultsVersion);
  submitTopic = ownerTopics.submit;
  const pipeline = separateProcesses
    ? await spawnPipeline(db.urls.ingest, { brokers, partitions, suffix, httpClaims }, servicesRoot)
    : {
        ...(await startPipeline({ brokers, databaseUrl: db.urls.ingest, suffix, maxBody: '64mb', maxClaims: httpClaims })),
        pids: { bench: process.pid } as Record<string, number>,
      };
  // The bench plays the PM system: the admin principal, over the same SASL_SSL listener as the services.
  const producer = kafkaClientAs('bench', brokers).producer();
  await producer.connect();
  const tracker = new Tracker(recorders.all, { submitTopic, suffix, scenarios, rate });
  try {
    // Warm-up: connections, JIT, group membership.
    await tracker.send(producer, 'warm', 0, 100);
    await tracker.waitAll('warm', 100, 'warm-up claims priced');
    // Then the quiet phase's own rate for --warmup-seconds, unmeasured (JIT, connection pools, consumer fetch sizes):
    // after the 100 claims alone, the quiet phase measured 434 / 135 / 130 ms p50 for the ingest / validator / pricing
    // hops against 101 / 18 / 19 ms once warm (the steady phase).
    if (warmupSeconds > 0) await tracker.paced(producer, 'warm-paced', warmupSeconds);

    const quiet = await tracker.paced(producer, 'quiet', steadySeconds);

    const groups = Object.fromEntries(Object.entries(pipeline.pids).map(([name, pid]) => [name, [pid]]));
    const sampler = new ResourceSampler({ ...groups, postgres: await backendPids(databaseUrl, db.url) });
    const besides = besidesSampler();
    const writes = await ledgerWrites(db.url);
    const newBackends = setInterval(() => void backendPids(databaseUrl, db.url).then((pids) => sampler.add('postgres', pids)), 1000);
    const burstStarted = Date.now();
    for (let i = 0; i < burstClaims; i += 100) await tracker.send(producer, 'burst', i, Math.min(100, burstClaims - i));
    const burst = await tracker.waitAll('burst', burstClaims, `${burstClaims} burst claims priced`);
    const [cpuAtPriced, besidesAtPriced] = [sampler.cpuMs(), besides.cpuMs()];
    const finalSeconds = await ledgerSettled(db.url, 'bench', burstStarted, 300_000, { brokers, suffix });
    clearInterval(newBackends);
    const resources: ResourceFigures = sampler.stop();
    const besidesToFinal = besides.cpuMs();
    besides.stop();
    const ledgerWritesPerClaim = await writes.perClaim(burstClaims);
    const kafkaBurstToPriced = { ...burst, seconds: +burst.seconds.toFixed(2), claimsPerSecond: Math.round(burstClaims / burst.seconds) };
    const kafkaBurstToFinal = { seconds: +finalSeconds.toFixed(2), claimsPerSecond: Math.round(burstClaims / finalSeconds) };
    // The profile: CPU time each process spent per claim of the burst until the last was priced, and until ingest had
    // recorded every result and published it to the owner's results topic (the claim's whole path).
    const perClaim = (cpu: Record<string, number>) => Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / burstClaims]));
    const [cpuMs, cpuMsToFinal] = [perClaim(cpuAtPriced), perClaim(sampler.cpuMs())];
    const rounded = (ms: Record<string, number>) => Object.fromEntries(Object.entries(ms).map(([name, v]) => [name, +v.toFixed(2)]));

    const steady = await tracker.paced(producer, 'steady', steadySeconds);
    const http = await postX12(
      pipeline.ingestUrl,
      (await mintTestKey(db.url, { owner: 'bench', scopes: ['claims:submit'] })).headers,
      scenarios,
      httpClaims,
    );

    console.error(
      JSON.stringify({ kafkaQuietLatency: quiet, kafkaBurstToPriced, kafkaBurstToFinal, kafkaSteadyLatency: steady, httpIntoKafka: http }),
    );
    // The mean value size of the last 100 messages on a topic (the burst's scenarios in turn).
    const meanBytes = (topic: string) => {
      const sample = recorders.on(topic + suffix).slice(-100);
      return sample.reduce((sum, m) => sum + (m.value?.length ?? 0), 0) / Math.max(1, sample.length);
    };
    const [normalizedBytes, validatedBytes, pricedBytes] = [TOPICS.claimsNormalized, TOPICS.claimsValidated, TOPICS.claimsPriced].map(
      meanBytes,
    );
    const submittedBytes = scenarios.reduce((sum, s) => sum + JSON.stringify(s).length, 0) / scenarios.length;
    const nullPipeline = await runNullPipeline({
      brokers,
      partitions,
      messages: burstClaims,
      // The pipeline's own message sizes, hop by hop.
      shape: sameSizesNullPipeline(
        suffix,
        [submittedBytes, normalizedBytes, validatedBytes, pricedBytes].map(Math.round) as [number, number, number, number],
      ),
    });
    const bare = await runNullPipeline({ brokers, partitions, messages: burstClaims, shape: bareNullPipeline(suffix) });
    const resultBytes = await meanResultBytes(brokers, ownerTopics.results, `bench-results${suffix}`);
    console.log(
      JSON.stringify(
        {
          benchmark: 'pipeline',
          services: separateProcesses ? `separate processes (${servicesRoot ?? '.'}/dist)` : 'one process',
          partitions,
          ownerResults: `ClaimResult.${resultsVersion}`,
          listener:
            'SASL_SSL (SCRAM-SHA-512 over TLS), every service its own principal under ACLs; both null pipelines on the same listener, each hop its own principal',
          figures: PIPELINE_FIGURES,
          loadAverage: { atStart: loadAverageAtStart, endOfBurst: resources.loadAverage, atEnd: loadAverageNow() },
          kafkaQuietLatency: quiet,
          kafkaBurstToPriced,
          kafkaBurstToFinal,
          kafkaSteadyLatency: steady,
          httpIntoKafka: http,
          nullPipeline,
          bareNullPipeline: bare,
          ratioToNull: +(kafkaBurstToPriced.claimsPerSecond / nullPipeline.claimsPerSecond).toFixed(3),
          ratioToBareNull: +(kafkaBurstToPriced.claimsPerSecond / bare.claimsPerSecond).toFixed(3),
          steadyP99VsQuiet: +(steady.p99Ms / Math.max(1, quiet.p99Ms)).toFixed(2),
          burstResources: {
            ...resources,
            cpuMsPerClaim: rounded(cpuMs),
            cpuMsPerClaimTotal: cpuMsPerClaimTotal(cpuMs),
            cpuMsPerClaimToFinal: rounded(cpuMsToFinal),
            cpuMsPerClaimToFinalTotal: cpuMsPerClaimTotal(cpuMsToFinal),
            besides: { cpuMsPerClaim: rounded(perClaim(besidesAtPriced)), cpuMsPerClaimToFinal: rounded(perClaim(besidesToFinal)) },
          },
          ledgerWritesPerClaim,
          claimTopicRecords: await recorders.records(),
          messageBytes: Object.fromEntries(
            Object.entries({
              submitted: submittedBytes,
              normalized: normalizedBytes,
              validated: validatedBytes,
              priced: pricedBytes,
              results: resultBytes,
            }).map(([topic, bytes]) => [topic, Math.round(bytes)]),
          ),
        },
        null,
        2,
      ),
    );
  } finally {
    await producer.disconnect();
    await pipeline.close();
    await recorders.stop();
    await db.drop();
  }
}

const loadAverageAtStart = loadAverageNow();

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
