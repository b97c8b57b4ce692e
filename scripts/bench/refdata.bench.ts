/**
 * Reference-data benchmark: loads one NCCI quarter (2024Q3: PTP, MUE x3, add-on) and one fee
 * schedule year (2025: PPRRVU, GPCI, LOCCO, ANES, OPPSCAP, ZIP5) from the shipped data/refdata,
 * prints load time and RSS, then PTP find() lookups per second on one core. Prints, never asserts.
 * Run: node scripts/bench/run-ts.mjs scripts/bench/refdata.bench.ts [lookups]
 */
import { CompactPtpTable } from '@claimflow/domain';
import { defaultDataDir, loadCatalog } from '@claimflow/refdata';

const lookups = Number(process.argv[2] ?? 5_000_000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
/** Per second of this process's CPU time: on a shared, busy machine wall time undercounts one core. */
function perCpuSecond(count: number, since: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(since);
  return `${Math.round(count / ((used.user + used.system) / 1e6)).toLocaleString('en-US')}/CPU-s`;
}

async function main(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const catalog = await loadCatalog(defaultDataDir(), {
    filter: (e) => e.release.id === 'NCCI-2024Q3' || e.release.validFrom.startsWith('2025'),
  });
  const loadMs = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  console.log(
    `loaded ${catalog.releases().length} tables (${catalog
      .releases()
      .map((r) => `${r.dataset}:${r.id}`)
      .join(', ')})`,
  );
  console.log(
    `load: ${loadMs.toFixed(0)} ms; RSS ${mb(rss)} (${mb(rss - rssBefore)} above the bare process); heap used ${mb(process.memoryUsage().heapUsed)}`,
  );

  const r = catalog.resolve('ncci-ptp-practitioner', '2024-08-01');
  if (!r.ok) throw new Error(r.error.message);
  const ptp = r.value as CompactPtpTable;
  const { codes, start, column2 } = ptp.columns;
  // Half the queries are pairs that exist in the table, half are random code pairs (mostly misses).
  const n = 1 << 16;
  const c1 = new Array<string>(n);
  const c2 = new Array<string>(n);
  let seed = 42;
  const rand = (m: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % m;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      const row = rand(column2.length);
      let a = 0;
      while (start[a + 1] <= row) a++;
      c1[i] = codes[a];
      c2[i] = codes[column2[row]];
    } else {
      c1[i] = codes[rand(codes.length)];
      c2[i] = codes[rand(codes.length)];
    }
  }
  let hits = 0;
  for (let i = 0; i < 200_000; i++) if (ptp.find(c1[i & (n - 1)], c2[i & (n - 1)], 20240801)) hits++;
  hits = 0;
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  for (let i = 0; i < lookups; i++) if (ptp.find(c1[i & (n - 1)], c2[i & (n - 1)], 20240801)) hits++;
  const s = (performance.now() - t1) / 1000;
  console.log(
    `PTP find, random pairs over all ${codes.length.toLocaleString('en-US')} codes: ${lookups.toLocaleString('en-US')} lookups in ${(s * 1000).toFixed(0)} ms = ${Math.round(lookups / s).toLocaleString('en-US')}/s wall, ${perCpuSecond(lookups, cpu1)} (${((hits / lookups) * 100).toFixed(1)}% in force)`,
  );

  // A claim stream repeats a few hundred common codes: the same lookups with a hot working set.
  const hot = 256;
  const t3 = performance.now();
  const cpu3 = process.cpuUsage();
  let hotHits = 0;
  for (let i = 0; i < lookups; i++) if (ptp.find(c1[i & (hot - 1)], c2[i & (hot - 1)], 20240801)) hotHits++;
  const s3 = (performance.now() - t3) / 1000;
  console.log(
    `PTP find, ${hot} distinct pairs: ${Math.round(lookups / s3).toLocaleString('en-US')}/s wall, ${perCpuSecond(lookups, cpu3)} (${((hotHits / lookups) * 100).toFixed(1)}% in force)`,
  );

  const t2 = performance.now();
  let edits = 0;
  const many = 20_000;
  for (let i = 0; i < many; i++) edits += ptp.asColumn1(c1[i & (n - 1)], 20240801).length + ptp.asColumn2(c2[i & (n - 1)], 20240801).length;
  const s2 = (performance.now() - t2) / 1000;
  console.log(
    `PTP asColumn1+asColumn2: ${Math.round(many / s2).toLocaleString('en-US')} codes/s (${edits.toLocaleString('en-US')} edits listed; the column-2 index is built on first use)`,
  );
}

void main();
