/**
 * Exactly one result per claim through faults: N claims posted at a steady rate to the built services (separate
 * processes, a broker and a Postgres cluster of their own) while ingest and the validator are killed (-9), the broker
 * restarted, Postgres killed (-9) for 8 s, the broker frozen (SIGSTOP) for 20 s with pricing told to stop (SIGTERM)
 * meanwhile, then everything killed and restarted. Prints acknowledged / exactly one / lost / stuck / doubled in all
 * and per fault, the longest readiness answer, each service's restart-to-ready and SIGTERM-to-exit seconds.
 * Needs `npm run build`. Run: npm run bench chaos   or   node scripts/bench/run-ts.mjs scripts/bench/chaos.bench.ts [claims=3000] [perSecond=50]
 */
import { runChaos } from '@claimflow/e2e';

const [claims = 3000, perSecond = 50] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);

async function main() {
  const started = Date.now();
  const report = await runChaos({ claims, perSecond, settleMs: 180_000, log: (line) => console.log(`  ${line}`) });
  const seconds = (list: number[] = []) => (list.length ? list.map((s) => s.toFixed(1)).join(', ') : '-');
  const row = (name: string, o: { acknowledged: number; exactlyOne: number; lost: number; stuck: number; doubled: number }) =>
    `  ${name.padEnd(26)} ${[o.acknowledged, o.exactlyOne, o.lost, o.stuck, o.doubled].map((n) => String(n).padStart(8)).join('')}`;
  console.log(`chaos: ${claims} claims at ${perSecond}/s, ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  console.log(`  ${'claims sent during'.padEnd(26)}   acked  exactly1    lost   stuck doubled`);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
