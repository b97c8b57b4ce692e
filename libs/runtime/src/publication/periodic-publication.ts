import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * A publication on a schedule, never on a request or an insert: at start, then every interval;
 * a failed run is logged (its error's name only) and retried on the next. Shutdown waits for the
 * run in flight. Subclasses say what one run does.
 */
export abstract class PeriodicPublication implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  protected stopped = false;

  protected constructor(private readonly intervalMs: number) {}

  /** One publication run. */
  abstract publishOnce(): Promise<void>;

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.publishOnce()
        .catch((error: unknown) => this.logger.warn(`publication failed, retrying next interval: ${(error as Error)?.name ?? 'error'}`))
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
