/**
 * Remittance benchmark: an 835 of N claim payments (default 100,000; the claims of the
 * two-payers fixture in turn, each with its own CLP01) is written on the fly in 64 KB chunks and
 * streamed through parse835; then the same for N/10 as the baseline of this run. Linear time
 * shows as a ratio near 10; bounded memory as a heap that does not grow with N.
 * Run: node scripts/bench/run-ts.mjs scripts/bench/remit.bench.ts [claims]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse835 } from '@claimflow/domain';

const FIXTURE = readFileSync(join(__dirname, '../../libs/domain/src/intake/__fixtures__/x835/two-payers.835'), 'utf8');
const CLAIMS = FIXTURE.slice(FIXTURE.indexOf('CLP*PICC'), FIXTURE.indexOf('PLB*'));
const HEAD = FIXTURE.slice(0, FIXTURE.indexOf('CLP*PICC')).replace(/BPR\*I\*[\d.]+\*/, 'BPR*I*0*');

function* segments(count: number): Generator<string> {
  yield HEAD;
  const pairs = Math.ceil(count / 2);
  for (let i = 0; i < pairs; i++) yield CLAIMS.replaceAll('-2025-00', `-${i}-`);
  yield 'SE*1*0001~\nGE*1*503~\nIEA*1*000000503~\n';
}

async function* chunksOf(parts: Iterable<string>, size = 64 * 1024): AsyncGenerator<Buffer> {
  let pending = '';
  for (const s of parts) {
    pending += s;
    if (pending.length >= size) {
      yield Buffer.from(pending, 'latin1');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'latin1');
}

async function run(count: number) {
  global.gc?.();
  const started = process.hrtime.bigint();
  let claims = 0;
  let bytes = 0;
  let peakHeap = 0;
  const input = chunksOf(segments(count));
  async function* counted() {
    for await (const chunk of input) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  for await (const r of parse835(counted())) {
    if (r.scope === 'claim' && r.result.ok) claims++;
    if (claims % 5000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { claims, mb: bytes / 1024 / 1024, ms, peakHeapMb: peakHeap / 1024 / 1024 };
}

async function main() {
  const n = Number(process.argv[2] ?? 100_000);
  await run(Math.min(2000, n)); // warm-up
  const base = await run(Math.max(1, Math.floor(n / 10)));
  const full = await run(n);
  for (const [name, r] of [
    ['baseline', base],
    ['full', full],
  ] as const) {
    console.log(
      `${name.padEnd(8)} ${String(r.claims).padStart(8)} claim payments  ${r.mb.toFixed(1).padStart(6)} MB  ${r.ms.toFixed(0).padStart(6)} ms  ` +
        `${Math.round(r.claims / (r.ms / 1000))} claims/s  ${(r.mb / (r.ms / 1000)).toFixed(1)} MB/s  peak heap ${r.peakHeapMb.toFixed(0)} MB`,
    );
  }
  console.log(`time ratio full/baseline: ${(full.ms / base.ms).toFixed(2)} for ${(full.claims / base.claims).toFixed(1)}x the input`);
}

void main();
