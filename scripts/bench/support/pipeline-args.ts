/** The pipeline bench's command line (see pipeline.bench.ts) and environment, read once. */
export function pipelineArgs(argv: readonly string[]) {
  const flag = (name: string, fallback: number) => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} expects a number`);
    return value;
  };
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const positional = argv.filter((a) => !a.startsWith('--'));
  const burstClaims = flag('burst', Number(positional[0] ?? 20_000));
  // The paced warm-up before the quiet phase. On 2026-12-07's machine (bare null pipeline 5,700-10,000 msg/s), quiet
  // pipeline p99 after 5 s: 239, 269, 486, 575 ms; after 20 s: 172, 202, 205, 269 ms. Which of the JIT, pools
  // and the bench database's fresh tables needs the time was not taken apart. On faster days 5 s had sufficed (p99
  // 107-203 ms).
  const warmupSeconds = flag('warmup-seconds', 20);
  const httpClaims = flag('http', Number(positional[1] ?? 10_000));
  const rate = flag('rate', 500);
  const steadySeconds = flag('steady-seconds', 5);
  const partitions = flag('partitions', Number(process.env.KAFKA_PARTITIONS ?? 12));
  const separateProcesses = !argv.includes('--in-process');
  const servicesRoot = argv.find((a) => a.startsWith('--services-root='))?.slice('--services-root='.length);
  // The owner's results topic: v2 (ClaimResult.v2, as new owners get) or v1 (an owner not moved yet), to compare the two.
  const resultsArg = argv.find((a) => a.startsWith('--results='))?.slice('--results='.length) ?? 'v2';
  if (resultsArg !== 'v1' && resultsArg !== 'v2') throw new Error('--results expects v1 or v2');
  const resultsVersion: 'v1' | 'v2' = resultsArg;
  return {
    resultsVersion,
    brokers,
    databaseUrl,
    burstClaims,
    warmupSeconds,
    httpClaims,
    rate,
    steadySeconds,
    partitions,
    separateProcesses,
    servicesRoot,
  };
}
