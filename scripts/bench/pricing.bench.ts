/**
 * Pricing benchmark: claims priced in-process on one core with the shipped CY2025 data, and the
 * heap the loaded fee schedule takes. Run: node scripts/bench/run-ts.mjs scripts/bench/pricing.bench.ts [seconds=3]
 */
import {
  ClaimPricer,
  priceClaim,
  type Claim,
  type PricedClaim,
  type PricingError,
  type RefDataCatalog,
  type Result,
} from '@claimflow/domain';
import { defaultDataDir, loadCatalog } from '@claimflow/refdata';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

// A mix that exercises every path: E/M, imaging with MPPR and the OPPS cap, components, surgery, therapy, add-ons.
const LINE_MIXES: readonly (readonly [string, string[], number])[][] = [
  [['99213', [], 1]],
  [
    ['77003', [], 1],
    ['76000', ['26'], 1],
  ],
  [
    ['70450', [], 1],
    ['70486', [], 1],
    ['70496', [], 1],
  ],
  [
    ['27130', [], 1],
    ['27447', [], 1],
  ],
  [
    ['97110', [], 2],
    ['97140', [], 1],
    ['97530', [], 2],
  ],
  [
    ['64483', [], 1],
    ['64484', [], 2],
    ['77003', ['26'], 1],
  ],
  [
    ['43239', [], 1],
    ['43249', [], 1],
  ],
  [
    ['93306', [], 1],
    ['93000', [], 1],
  ],
];

function claims(catalog: RefDataCatalog): Claim[] {
  const g = catalog.resolve('mpfs-gpci', '2025-11-03');
  if (!g.ok) throw new Error(g.error.message);
  const localities = g.value.all();
  const out: Claim[] = [];
  for (let i = 0; i < 10_000; i++) {
    const loc = localities[i % localities.length];
    const mix = LINE_MIXES[i % LINE_MIXES.length];
    const pos = mix[0][0].startsWith('27') || mix[0][0].startsWith('43') ? '22' : '11';
    out.push({
      claimId: `BENCH-${i}`,
      submitterClaimId: `B${i}`,
      claimType: 'professional',
      frequencyCode: '1',
      placeOfService: pos,
      payer: { type: 'medicare-part-b' },
      billingProvider: { npi: '1234567893' },
      locality: { carrier: loc.carrier, locality: loc.locality },
      diagnoses: ['M54.16'],
      lines: mix.map(([code, modifiers, units], l) => ({
        lineNumber: l + 1,
        code,
        modifiers,
        units,
        dateOfService: `2025-11-${String(1 + (i % 28)).padStart(2, '0')}`,
        diagnosisPointers: [1],
      })),
    });
  }
  return out;
}

/** Lines priced per wall second and per CPU second: on a shared machine the wall clock also counts other processes. */
function measure(batch: readonly Claim[], seconds: number, price: (c: Claim) => Result<PricedClaim, PricingError>) {
  let priced = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    for (const c of batch) if (price(c).ok) priced += c.lines.length;
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  return {
    linesPriced: priced,
    wallSeconds: Math.round(wall * 100) / 100,
    cpuSeconds: Math.round(cpu * 100) / 100,
    linesPerSecond: Math.round(priced / wall),
    linesPerCpuSecond: Math.round(priced / cpu),
  };
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 3);
  const dir = defaultDataDir();
  const base = heapMb();
  const rvuOnly = await loadCatalog(dir, { filter: (e) => e.dataset === 'mpfs-rvu' && e.release.id === 'MPFS-2025-OCT' });
  const rvuMb = heapMb() - base;
  const mpfs = await loadCatalog(dir, { filter: (e) => e.dataset.startsWith('mpfs-') || e.dataset === 'ncci-addon' });
  const mpfsMb = heapMb() - base - rvuMb;
  void rvuOnly;
  const batch = claims(mpfs);
  const linesPerBatch = batch.reduce((n, c) => n + c.lines.length, 0);
  let allowed = 0;
  for (const c of batch) {
    const r = priceClaim(c, undefined, mpfs);
    if (!r.ok) throw new Error(`${c.claimId}: ${r.error.message}`);
    allowed += r.value.totals.allowed;
  }
  const pricer = new ClaimPricer(mpfs);
  const viaPricer = measure(batch, seconds, (c) => pricer.price(c));
  const viaPriceClaim = measure(batch, seconds, (c) => priceClaim(c, undefined, mpfs));
  console.log(
    JSON.stringify(
      {
        benchmark: 'pricing',
        node: process.version,
        claimsPerBatch: batch.length,
        linesPerBatch,
        allowedPerBatch: Math.round(allowed * 100) / 100,
        claimPricer: viaPricer,
        priceClaim: viaPriceClaim,
        heapMb: { feeSchedule2025: Math.round(rvuMb * 10) / 10, allMpfsTablesBothYears: Math.round(mpfsMb * 10) / 10 },
      },
      null,
      2,
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
