import { readFileSync } from 'node:fs';

/** The machine's load average (1, 5 and 15 minutes) now, from /proc/loadavg. */
export const loadAverageNow = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** What each figure of `npm run bench pipeline` is, printed with them (a reader of the JSON needs nothing else). */
export const PIPELINE_FIGURES = {
  loadAverage:
    'the machine load average (1 / 5 / 15 min) at the start, at the end of the burst and at the end of the run; on 2 cores, above 2 means the bench shared the CPU',
  kafkaQuietLatency:
    "a steady --rate of claims/s for --steady-seconds after a warm-up (100 claims, then --warmup-seconds at the rate, unmeasured), submitted to priced: p50/p99 ms until the bench received the priced message, pipelineP50/P99 ms until pricing sent it (its Kafka timestamp: the pipeline without the bench consumer's lag); hops: each hop by the messages' Kafka timestamps (ingest: submitted to normalized, split into intake and outbox at the normalized envelope's occurredAt; validator; pricing; benchConsumer: priced sent to received by the bench)",
  kafkaBurstToPriced: '--burst claims published on the submit topic at once, first sent to last priced: claims/s and latency',
  kafkaSteadyLatency: 'the quiet phase again, right after the burst',
  httpIntoKafka: 'one 837P of --http claims posted to ingest until accepted into Kafka (claims/s)',
  nullPipeline:
    "the real pipeline's four topics and three forwarding hops with the real messages' sizes (messageBytes), each hop under its service's principal, doing no work",
  bareNullPipeline:
    'bare kafkajs: a producer and two forwarding hops over three topics, 430-byte values passed on untouched, each hop its own principal; the transport ceiling',
  ratioToNull: 'kafkaBurstToPriced / nullPipeline claims/s: what the work costs at the real sizes',
  ratioToBareNull: 'kafkaBurstToPriced / bareNullPipeline claims/s (issue #30 target >= 0.25): what the work and the sizes cost',
  steadyP99VsQuiet: 'kafkaSteadyLatency p99 / kafkaQuietLatency p99',
  burstResources:
    "from the burst until ingest settled (every claim final, both outboxes empty, its held-back validations read): cores each process kept busy, max RSS (MB), machine CPU busy share; cpuMsPerClaim = CPU ms per burst claim per process until the last was priced, cpuMsPerClaimToFinal until ingest settled (the claim's whole path: its result recorded and published to the owner's results topic)",
  besides:
    "burstResources.besides: CPU ms per burst claim of what else runs on the machine (the broker's JVM, the bench's own producer and recorder), not in the totals",
  cpuMsPerClaimTotal:
    'cpuMsPerClaim summed over ingest, validator, pricing and Postgres (issue #30 target <= 0.5 ms; cpuMsPerClaimToFinalTotal the same to the end)',
  kafkaBurstToFinal:
    "the burst again, first sent until every claim was final in ingest's ledger and nothing owed in its outboxes (the validations ingest holds back, read after, count in cpuMsPerClaimToFinal, not here)",
  ledgerWritesPerClaim:
    "rows inserted, updated (hot: without touching an index), deleted, and scans (seq: sequential, seqRows: the rows they read, idx: index scans) per burst claim in each ledger table, from Postgres's table counters (pg_stat_user_tables), the burst until ingest settled",
  claimTopicRecords:
    'per claim topic over the whole run: the messages the bench read, the Kafka records holding them and messages a record (the services pack a partition\'s messages several to a record: README, "Packed records")',
  messageBytes:
    "mean value size per topic (submitted: the scenarios; results: the first 100 on the bench owner's results topic, ClaimResult.v2; the others: the last 100 messages recorded)",
} as const;

/** CPU ms per claim summed over the claim path's processes (the services and Postgres; `bench` when in-process). */
export function cpuMsPerClaimTotal(cpuMsPerClaim: Record<string, number>): number {
  return +Object.values(cpuMsPerClaim)
    .reduce((sum, ms) => sum + ms, 0)
    .toFixed(2);
}
