import type { ServiceProcess } from './service-process';

/**
 * Asks every service's /health/ready every 250 ms for as long as it runs and keeps, per service, the longest span of
 * answers other than 200 (503, an error, or nothing within 3 s), from the first such answer to the next 200.
 */
export class UnreadyWatch {
  private running = true;
  private readonly loops: Promise<void>[];
  /** Longest unready span per service, in seconds (0 if it never was). */
  readonly longest: Record<string, number> = {};
  /** Unready answers per service. */
  readonly unreadyAnswers: Record<string, number> = {};

  constructor(services: readonly ServiceProcess[]) {
    this.loops = services.map((s) => this.watch(s));
  }

  private async watch(service: ServiceProcess): Promise<void> {
    this.longest[service.name] = 0;
    this.unreadyAnswers[service.name] = 0;
    let since: number | undefined;
    while (this.running) {
      const asked = Date.now();
      const res = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined);
      await res?.body?.cancel();
      if (res?.status === 200) {
        if (since !== undefined) this.longest[service.name] = Math.max(this.longest[service.name]!, (asked - since) / 1000);
        since = undefined;
      } else {
        this.unreadyAnswers[service.name]!++;
        since ??= asked;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 250 - (Date.now() - asked))));
    }
    // Still unready at the end counts up to now.
    if (since !== undefined) this.longest[service.name] = Math.max(this.longest[service.name]!, (Date.now() - since) / 1000);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}
