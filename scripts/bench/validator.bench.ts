/**
 * Validator benchmark: claims of 1-20 lines drawn from a pool of real codes (the fluoroscopy seed codes,
 * their primaries and common office codes) are validated in-process against the full shipped tables
 * (NCCI 2024Q3 practitioner PTP, 2.5M rows; MUE; add-on; MPFS 2025 through the 'latest' fallback).
 * Prints claims/s over one timed pass and per-claim p50/p99 over a second pass.
 * Run: node scripts/bench/run-ts.mjs scripts/bench/validator.bench.ts [claims=200000] [dos=2024-08-15] [mix=encounters|random]
 */
import { validateClaim } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { makeClaims } from './validator/claim-mix';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200_000);
  const dos = process.argv[3] ?? '2024-08-15';
  const mix = process.argv[4] ?? 'encounters';
  const loadStart = performance.now();
  const catalog = await loadDefaultCatalog();
  const loadMs = performance.now() - loadStart;
  const claims = makeClaims(count, dos, mix);
  const options = { refdataFallback: 'latest' } as const;
  for (let i = 0; i < Math.min(20_000, count); i++) validateClaim(claims[i], catalog, options);

  let edits = 0;
  let denied = 0;
  let lines = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (const claim of claims) {
    const r = validateClaim(claim, catalog, options);
    edits += r.edits.length;
    lines += r.lines.length;
    for (const l of r.lines) if (l.denied) denied++;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time, not wall time, is the fair figure on a shared machine (it still counts GC threads).
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    validateClaim(claims[i], catalog, options);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  times.sort();
  const pct = (p: number) => times[Math.min(count - 1, Math.floor(count * p))].toFixed(1);
  console.log(
    `validator (${mix} mix): ${count} claims, ${(lines / count).toFixed(1)} lines/claim on average, DOS from ${dos} (refdata loaded in ${loadMs.toFixed(0)} ms)`,
  );
  console.log(
    `  throughput ${Math.round(count / seconds).toLocaleString('en-US')} claims/s wall, ${Math.round(count / cpuSeconds).toLocaleString('en-US')} claims per CPU-second (${(lines / cpuSeconds / 1e6).toFixed(2)} M lines), single thread`,
  );
  console.log(`  per claim p50 ${pct(0.5)} us, p99 ${pct(0.99)} us, max ${times[count - 1].toFixed(1)} us`);
  console.log(`  ${(edits / count).toFixed(2)} edits/claim, ${((100 * denied) / lines).toFixed(1)}% of lines denied`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
