import { readiness } from './claim-load';
import type { ServiceProcess } from './service-process';

/**
 * Asks every service's /health/ready once a second, side by side, for as long as it runs, and keeps the longest time
 * an answer took (a refused connection, from a service killed on purpose, answers at once).
 */
export class ReadinessWatch {
  private running = true;
  private readonly loop: Promise<void>;
  longestSeconds = 0;
  longestService = '';
  /** Probes that got no answer within 10 s (a hang, not a refusal). */
  hung = 0;

  constructor(services: readonly ServiceProcess[]) {
    this.loop = (async () => {
      while (this.running) {
        const started = Date.now();
        await Promise.all(
          services.map(async (s) => {
            const { seconds } = await readiness(s.url);
            if (seconds >= 10) this.hung++;
            if (seconds > this.longestSeconds) [this.longestSeconds, this.longestService] = [seconds, s.name];
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
