/**
 * Intake benchmark: an 837P interchange of N claims (default 10,000; the eleven seed scenarios
 * in turn, each with its own CLM01) is written on the fly in 64 KB chunks and streamed through
 * parse837 (tokenizer, loop map, normalizeClaim). Neither the file nor the claims are held whole.
 * Then the worst event-loop delay while a 10 MB adversarial body is decoded (support/adversarial-intake.ts).
 * Run: node scripts/bench/run-ts.mjs scripts/bench/intake.bench.ts [claims] [--generate-only]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Claim, normalizeClaim, parse837, write837 } from '@claimflow/domain';
import { adversarialIntake } from './support/adversarial-intake';

const SCENARIOS = join(__dirname, '../../libs/domain/src/intake/__fixtures__/scenarios');

function loadScenarios(): Claim[] {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const r = normalizeClaim(JSON.parse(readFileSync(join(SCENARIOS, f), 'utf8')), { claimId: f });
      if (!r.ok) throw new Error(`${f} does not normalize`);
      return r.value;
    });
}

function* claimsOf(count: number, scenarios: Claim[]): Generator<Claim> {
  for (let i = 0; i < count; i++) {
    const base = scenarios[i % scenarios.length];
    yield { ...base, submitterClaimId: `BENCH-${i}` };
  }
}

async function* chunksOf(segments: Iterable<string>, size = 64 * 1024): AsyncGenerator<Buffer> {
  let pending = '';
  for (const s of segments) {
    pending += s;
    if (pending.length >= size) {
      yield Buffer.from(pending, 'latin1');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'latin1');
}

async function* drain(chunks: AsyncIterable<Buffer>): AsyncGenerator<never> {
  for await (const _chunk of chunks) continue;
}

async function main(): Promise<void> {
  const claims = Number(process.argv[2] && /^\d+$/.test(process.argv[2]) ? process.argv[2] : 10_000);
  const scenarios = loadScenarios();
  const baseline = process.memoryUsage().rss;
  let bytes = 0;
  const counted = (async function* () {
    for await (const chunk of chunksOf(write837(claimsOf(claims, scenarios), { control: 1, date: '2025-10-01' }))) {
      bytes += chunk.length;
      yield chunk;
    }
  })();
  let [ok, failed, envelope, lines, peakRss] = [0, 0, 0, 0, baseline];
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  // --generate-only measures writing the input alone, to subtract from the full run.
  const results = process.argv.includes('--generate-only') ? drain(counted) : parse837(counted);
  for await (const r of results) {
    if (r.scope === 'envelope') envelope++;
    else if (r.result.ok) {
      ok++;
      lines += r.result.value.lines.length;
    } else failed++;
    if ((ok + failed) % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const mb = (n: number) => Number((n / 1024 / 1024).toFixed(1));
  console.log(
    JSON.stringify(
      {
        claims,
        ok,
        failed,
        envelopeErrors: envelope,
        lines,
        inputMB: mb(bytes),
        seconds: Number(seconds.toFixed(3)),
        claimsPerSecond: Math.round((ok + failed) / seconds),
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
        rssBaselineMB: mb(baseline),
        rssPeakMB: mb(peakRss),
        maxRssMB: mb(process.resourceUsage().maxRSS * 1024),
      },
      null,
      2,
    ),
  );
  if (!process.argv.includes('--generate-only') && (ok !== claims || failed !== 0 || envelope !== 0)) process.exitCode = 1;
  if (!process.argv.includes('--generate-only'))
    console.log(JSON.stringify({ adversarialEventLoopDelay: await adversarialIntake() }, null, 2));
}

void main();
