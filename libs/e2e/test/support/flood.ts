import { scenario } from './fixtures';
import { ReadinessProber } from './readiness-prober';

export interface FloodOptions {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** Clients posting at once, each its own claim. */
  readonly clients: number;
  /** Times a refused client tries again (after the Retry-After it was given). */
  readonly retries: number;
  readonly prefix: string;
}

export interface FloodReport {
  /** submitterClaimId -> claimId of every 202. */
  readonly acknowledged: Map<string, string>;
  /** Answers by status (0: no answer), over every attempt. */
  readonly statuses: Record<string, number>;
  /** Attempts without an answer by the client's error (ECONNRESET, TimeoutError, ...), and 503s by their code. */
  readonly failures: Record<string, number>;
  /** 503 answers without Retry-After, without problem+json or with another code than OVERLOADED. */
  readonly malformed503: number;
  /** Every readiness answer's seconds while the flood lasted (asked every 250 ms by a process of its own, each given 10 s). */
  readonly readinessSeconds: number[];
  readonly readinessStatuses: Record<string, number>;
  readonly seconds: number;
}

const count = (tally: Record<string, number>, key: number | string) => (tally[key] = (tally[key] ?? 0) + 1);

/**
 * A retry flood: `clients` claim submissions at once, each refused one trying again after its Retry-After, while
 * readiness is asked every 250 ms (by a process of its own: ReadinessProber). Only statuses, codes and times are kept (no claim content).
 */
export async function flood(options: FloodOptions): Promise<FloodReport> {
  const template = JSON.parse(scenario('picc-36569-77001')) as object;
  const acknowledged = new Map<string, string>();
  const statuses: Record<string, number> = {};
  const failures: Record<string, number> = {};
  let malformed503 = 0;
  const client = async (n: number) => {
    const submitterClaimId = `${options.prefix}-${n}`;
    const body = JSON.stringify({ ...template, submitterClaimId });
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      const res = await fetch(`${options.url}/v1/claims`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body,
        signal: AbortSignal.timeout(30_000),
      }).catch((error: Error & { cause?: { code?: string } }) => void count(failures, error.cause?.code ?? error.name));
      count(statuses, res?.status ?? 0);
      if (res?.status === 202) {
        acknowledged.set(submitterClaimId, ((await res.json()) as { claims: { claimId: string }[] }).claims[0]!.claimId);
        return;
      }
      const retryAfter = Number(res?.headers.get('retry-after'));
      if (res?.status === 503) {
        const problem = (await res.json().catch(() => ({}))) as { code?: string };
        const type = res.headers.get('content-type') ?? '';
        count(failures, `503 ${problem.code ?? 'without a code'}`);
        if (!(retryAfter > 0) || !type.startsWith('application/problem+json') || problem.code !== 'OVERLOADED') malformed503++;
      } else await res?.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, (retryAfter > 0 ? retryAfter : 1) * 1000));
    }
  };

  const started = Date.now();
  const prober = new ReadinessProber(options.url, 250);
  // Stopped however the flood ends, so that a failing client never leaves the prober's process running.
  const flooded = Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  await flooded.catch(() => undefined);
  const { seconds: readinessSeconds, statuses: readinessStatuses } = await prober.stop();
  await flooded;
  return { acknowledged, statuses, failures, malformed503, readinessSeconds, readinessStatuses, seconds: (Date.now() - started) / 1000 };
}
