import type { ServiceProcess } from './service-process';

/**
 * Once a second: each readiness answer costs the service a broker round trip (a TLS + SCRAM sign-in on this branch), so
 * asking more often loads the service being measured.
 */
const POLL_MS = 1000;

/**
 * Asks every service's /health/ready every second for as long as it runs and keeps, per service, the longest span of
 * answers other than 200 (503, an error, or nothing within 3 s), from the first such answer to the next 200.
 */
export class UnreadyWatch {
  private running = true;
  private readonly loops: Promise<void>[];
  /** Longest unready span per service, in seconds (0 if it never was). */
  readonly longest: Record<string, number> = {};
  /** Longest single answer per service, in seconds (3 when none came within 3 s). */
  readonly slowest: Record<string, number> = {};
  /** Unready answers per service. */
  readonly unreadyAnswers: Record<string, number> = {};
  /** Why, per service: each check that was down (terminus' error body: "consumerGroup: joining"), with its count. */
  readonly reasons: Record<string, Record<string, number>> = {};

  constructor(services: readonly ServiceProcess[]) {
    this.loops = services.map((s) => this.watch(s));
  }

  private async watch(service: ServiceProcess): Promise<void> {
    this.longest[service.name] = 0;
    this.unreadyAnswers[service.name] = 0;
    const reasons: Record<string, number> = (this.reasons[service.name] = {});
    let since: number | undefined;
    while (this.running) {
      const asked = Date.now();
      const res = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined);
      const ready = res?.status === 200;
      this.slowest[service.name] = Math.max(this.slowest[service.name] ?? 0, (Date.now() - asked) / 1000);
      const body = res && !ready ? await res.text().catch(() => '') : (await res?.body?.cancel(), '');
      if (!ready) for (const reason of downChecks(res, body)) reasons[reason] = (reasons[reason] ?? 0) + 1;
      if (ready) {
        if (since !== undefined) this.longest[service.name] = Math.max(this.longest[service.name]!, (asked - since) / 1000);
        since = undefined;
      } else {
        this.unreadyAnswers[service.name]!++;
        since ??= asked;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, POLL_MS - (Date.now() - asked))));
    }
    // Still unready at the end counts up to now.
    if (since !== undefined) this.longest[service.name] = Math.max(this.longest[service.name]!, (Date.now() - since) / 1000);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

/** The checks a readiness answer names as down: terminus' {error: {check: {status, membership?, message?}}}. */
function downChecks(res: Response | undefined, body: string): string[] {
  if (!res) return ['no answer within 3 s'];
  try {
    const error = (JSON.parse(body) as { error?: Record<string, { membership?: string; message?: string }> }).error ?? {};
    if (!error || Object.keys(error).length === 0) return [`${res.status}`];
    return Object.entries(error).map(([check, d]) => `${check}: ${(d.membership ?? d.message ?? 'down').slice(0, 80)}`);
  } catch {
    return [`${res.status} ${body.slice(0, 80)}`];
  }
}
