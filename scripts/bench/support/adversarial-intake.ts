/**
 * Event-loop delay while ingest's decoders read a 10 MB adversarial body, delivered as HTTP
 * delivers it (64 KB chunks, one per event-loop turn); JSON is read whole, as ingest reads it.
 * Baseline: the same loop with no work, measured in the same run.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeClaims, readJsonBody } from '@claimflow/domain';

const TEN_MB = 10 * 1024 * 1024;
const CHUNK = 64 * 1024;
const FIXTURES = join(__dirname, '../../../libs/domain/src/intake/__fixtures__');

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function* delivered(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK) {
    await turn();
    yield bytes.subarray(i, i + CHUNK);
  }
}

function x12Bodies(): Record<string, Buffer> {
  const single = readFileSync(join(FIXTURES, 'x12/single-claim.x12'), 'utf8');
  const [head, tail] = single.split('LX*1~');
  const fill = (unit: string) => unit.repeat(Math.ceil(TEN_MB / unit.length));
  return {
    // Charges of 40,000 digits then a letter: the value that used to block readNumber for seconds.
    'x12 40k-digit charges': Buffer.from(head + fill(`LX*1~\nSV1*HC:62323*${'1'.repeat(40_000)}a*UN*1***1~\n`) + 'LX*1~' + tail),
    'x12 unknown segments': Buffer.from(head + fill('ZZZ*1~\n') + 'LX*1~' + tail),
    'x12 one unterminated segment': Buffer.from(single.slice(0, 200) + fill('9')),
  };
}

function jsonBodies(): Record<string, Buffer> {
  const claim = JSON.parse(readFileSync(join(FIXTURES, 'json/lesi-pos22.claim.json'), 'utf8'));
  const digits = `${'1'.repeat(TEN_MB - 2000)}a`;
  const lines = Array.from({ length: Math.floor(TEN_MB / 120) }, () => ({ code: '77003', units: 'x', charg: 1 }));
  return {
    'json 10 MB charge': Buffer.from(JSON.stringify({ ...claim, lines: [{ ...claim.lines[0], charge: digits }] })),
    'json 87k bad lines': Buffer.from(JSON.stringify({ ...claim, lines })),
  };
}

async function measure(work: () => Promise<unknown>): Promise<{ maxMs: number; p99Ms: number; seconds: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await turn();
  histogram.disable();
  return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, seconds };
}

async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _item of items) n++;
  return n;
}

const ctx = { newId: () => 'bench', maxClaims: 10_000 };

export async function adversarialIntake(): Promise<object> {
  const round = (n: number) => Number(n.toFixed(1));
  const idle = await measure(async () => {
    for (let i = 0; i < 160; i++) await turn();
    // Not a wait for a condition: the baseline is the event-loop delay over half a second of idling.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  const results: Record<string, object> = {};
  for (const [name, body] of Object.entries(x12Bodies())) {
    const m = await measure(() => drain(decodeClaims('x12', delivered(body), ctx)));
    results[name] = {
      inputMB: round(body.length / 1024 / 1024),
      worstDelayMs: round(m.maxMs),
      p99DelayMs: round(m.p99Ms),
      seconds: round(m.seconds),
    };
  }
  for (const [name, body] of Object.entries(jsonBodies())) {
    const m = await measure(async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of delivered(body)) chunks.push(chunk);
      const read = readJsonBody(Buffer.concat(chunks));
      if (read.ok) await drain(decodeClaims('json', read.value, ctx));
    });
    results[name] = {
      inputMB: round(body.length / 1024 / 1024),
      worstDelayMs: round(m.maxMs),
      p99DelayMs: round(m.p99Ms),
      seconds: round(m.seconds),
    };
  }
  const idleMs = round(idle.maxMs);
  const worst = Math.max(...Object.values(results).map((r) => (r as { worstDelayMs: number }).worstDelayMs));
  return {
    targetMs: 50,
    baselineIdleWorstDelayMs: idleMs,
    worstDelayMs: worst,
    ratioToBaseline: round(worst / Math.max(idleMs, 1)),
    bodies: results,
  };
}
