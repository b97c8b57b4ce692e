import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCENARIO = join(__dirname, '../../../domain/src/intake/__fixtures__/scenarios/picc-36569-77001.json');

export interface Answer {
  readonly at: number;
  /** HTTP status, or 0 when no answer came (refused, reset, no answer within 10 s). */
  readonly status: number;
  readonly retryAfter: string | null;
}

/**
 * Claims posted to ingest over HTTP by a few workers, one after another each, until stopped, every answer kept.
 * A claim that was not acknowledged is sent again (same content) after a short pause, as a client would.
 */
export class ClaimLoad {
  readonly answers: Answer[] = [];
  private running = true;
  private readonly workers: Promise<void>[];
  private next = 0;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    workers = 4,
    private readonly prefix = `LOAD-${Date.now()}`,
  ) {
    const template = JSON.parse(readFileSync(SCENARIO, 'utf8')) as object;
    this.workers = Array.from({ length: workers }, () => this.work(template));
  }

  private async work(template: object): Promise<void> {
    let body: string | undefined;
    while (this.running) {
      body ??= JSON.stringify({ ...template, submitterClaimId: `${this.prefix}-${this.next++}` });
      const res = await fetch(`${this.url}/v1/claims`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.headers },
        body,
        signal: AbortSignal.timeout(10_000),
      }).catch(() => undefined);
      this.answers.push({ at: Date.now(), status: res?.status ?? 0, retryAfter: res?.headers.get('retry-after') ?? null });
      await res?.body?.cancel();
      if (res && res.status < 300) body = undefined;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Answers since `since` with this status. */
  count(status: number, since = 0): number {
    return this.answers.filter((a) => a.at >= since && a.status === status).length;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }
}

/** GET /health/ready: its status and how long the answer took (status 0 when none came within 10 s). */
export async function readiness(url: string): Promise<{ status: number; seconds: number }> {
  const started = Date.now();
  const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  await res?.body?.cancel();
  return { status: res?.status ?? 0, seconds: (Date.now() - started) / 1000 };
}
