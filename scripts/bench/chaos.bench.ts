/**
 * Exactly one result per claim through crashes: N claims posted at a steady rate to the built
 * services (separate processes, a broker of their own) while ingest is killed (-9) mid-publish,
 * the validator is killed, the broker restarted, then everything killed and restarted. Prints
 * acknowledged, exactly-one, lost, stuck, doubled and each service's restart-to-ready seconds.
 * Needs `npm run build`. Run: npm run bench chaos   or   node scripts/bench/run-ts.mjs scripts/bench/chaos.bench.ts [claims=3000] [perSecond=50]
 */
import { runChaos } from '../../libs/e2e/test/support/chaos';

const [claims = 3000, perSecond = 50] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);

async function main() {
  const started = Date.now();
  const report = await runChaos({ claims, perSecond, settleMs: 180_000, log: (line) => console.log(`  ${line}`) });
  const seconds = (list: number[] = []) => (list.length ? list.map((s) => s.toFixed(1)).join(', ') : '-');
  console.log(`chaos: ${claims} claims at ${perSecond}/s, ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  console.log(`  acknowledged  ${report.acknowledged}`);
  console.log(`  exactly one   ${report.exactlyOne}`);
  console.log(`  lost          ${report.lost}`);
  console.log(`  stuck         ${report.stuck}`);
  console.log(`  doubled       ${report.doubled}`);
  console.log(`  ledger        ${JSON.stringify(report.statuses)}`);
  for (const [name, list] of Object.entries(report.restartToReady)) console.log(`  restart to ready, ${name.padEnd(9)} ${seconds(list)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
