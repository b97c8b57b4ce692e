/**
 * Exactly one result per claim through faults: N claims posted at a steady rate to the built services (separate
 * processes, a broker and a Postgres cluster of their own) while ingest and the validator are killed (-9), the broker
 * restarted, Postgres killed (-9) for 8 s, the broker frozen (SIGSTOP) for 20 s with pricing told to stop (SIGTERM)
 * meanwhile, then everything killed and restarted. Then the cluster case: a three-broker cluster of its own (RF 3,
 * min.insync.replicas 2) whose busiest leader is killed (-9) under load and restarted. Prints acknowledged / exactly
 * one / lost / stuck / doubled in all and per fault, the longest readiness answer, each service's restart-to-ready
 * and SIGTERM-to-exit seconds. Needs `npm run build`.
 * Run: npm run bench chaos   or   node scripts/bench/run-ts.mjs scripts/bench/chaos.bench.ts [claims=3000] [perSecond=50]
 *      --cluster: the cluster case alone; --no-cluster: without it; --cluster-claims=600 --cluster-rate=10
 */
import { runChaos, runClusterKill } from '@claimflow/e2e';

const args = process.argv.slice(2);
const [claims = 3000, perSecond = 50] = args.filter((a) => !a.startsWith('--')).map(Number);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const clusterOnly = args.includes('--cluster');
const withCluster = !args.includes('--no-cluster');
/** 60 s of traffic at 10/s: the kill at a quarter, the election (~10 s) and the catch-up all fall under load. */
const clusterClaims = Number(flag('cluster-claims') ?? 600);
const clusterRate = Number(flag('cluster-rate') ?? 10);

type Counts = { acknowledged: number; exactlyOne: number; lost: number; stuck: number; doubled: number };
const seconds = (list: number[] = []) => (list.length ? list.map((s) => s.toFixed(1)).join(', ') : '-');
const row = (name: string, o: Counts) =>
  `  ${name.padEnd(26)} ${[o.acknowledged, o.exactlyOne, o.lost, o.stuck, o.doubled].map((n) => String(n).padStart(8)).join('')}`;
const header = () => console.log(`  ${'claims sent during'.padEnd(26)}   acked  exactly1    lost   stuck doubled`);

async function faults() {
  const started = Date.now();
  const report = await runChaos({ claims, perSecond, settleMs: 180_000, log: (line) => console.log(`  ${line}`) });
  console.log(`chaos: ${claims} claims at ${perSecond}/s, ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  header();
  for (const [fault, outcome] of Object.entries(report.perFault)) console.log(row(fault === 'none' ? 'no fault' : fault, outcome));
  console.log(row('all', report));
  console.log(`  ledger        ${JSON.stringify(report.statuses)}`);
  console.log(`  HTTP answers  ${JSON.stringify(report.httpAnswers)} (0: refused or no answer)`);
  const r = report.longestReadiness;
  console.log(`  longest readiness answer ${r.seconds.toFixed(2)} s (${r.service}); probes with no answer in 10 s: ${r.hung}`);
  for (const [name, list] of Object.entries(report.restartToReady)) console.log(`  restart to ready, ${name.padEnd(9)} ${seconds(list)} s`);
  for (const [name, list] of Object.entries(report.sigtermToExit)) console.log(`  SIGTERM to exit,  ${name.padEnd(9)} ${seconds(list)} s`);
  console.log(`  unexpected exits ${JSON.stringify(report.unexpectedExits)}`);
}

async function cluster() {
  const started = Date.now();
  const report = await runClusterKill({
    port: 9950,
    claims: clusterClaims,
    perSecond: clusterRate,
    killAt: 0.25,
    settleMs: 180_000,
    log: (line) => console.log(`  ${line}`),
  });
  const took = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`cluster: ${clusterClaims} claims at ${clusterRate}/s on 3 brokers (RF 3, min.insync 2), ${took} s in all`);
  header();
  for (const [phase, outcome] of Object.entries(report.perPhase)) console.log(row(phase, outcome));
  console.log(row('all (leader kill -9)', report));
  console.log(`  ledger        ${JSON.stringify(report.statuses)}`);
  if (Object.keys(report.diagnosis.rejectedReasons).length > 0)
    console.log(`  rejected by reason ${JSON.stringify(report.diagnosis.rejectedReasons)}`);
  const slowest = Object.entries(report.slowestReadiness).sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
  console.log(
    `  longest readiness answer ${slowest[1].toFixed(2)} s (${slowest[0]}); longest unready span ${JSON.stringify(report.longestUnready)} s`,
  );
  console.log(
    `  killed node ${report.killedNode} led ${report.partitionsLed} partitions; new leaders after ${report.electionSeconds.toFixed(1)} s`,
  );
  console.log(
    `  restart to running, node ${report.killedNode} ${report.restartSeconds.toFixed(1)} s; back in every ISR ${report.catchUpSeconds.toFixed(1)} s later`,
  );
  for (const [name, s] of Object.entries(report.startToReady)) console.log(`  start to ready,   ${name.padEnd(9)} ${s.toFixed(1)} s`);
  for (const [name, s] of Object.entries(report.sigtermToExit)) console.log(`  SIGTERM to exit,  ${name.padEnd(9)} ${s.toFixed(1)} s`);
}

async function main() {
  if (!clusterOnly) await faults();
  if (clusterOnly || withCluster) await cluster();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
