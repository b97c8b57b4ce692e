import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/**
 * How often the checks run in the background. A probe is answered from the latest run at once, so a readiness answer
 * never queues behind the service's own work for a database connection (under a 1,000-client flood the ping waited
 * in the pool behind 64 intakes and CI measured a 3.35 s answer). One database ping and one broker describeCluster
 * a second, over connections already open.
 */
export const READINESS_REFRESH_MS = 1000;

/**
 * Older than this, the latest run is not trusted and the probe waits for a fresh one. Each check has a 2 s deadline
 * (DATABASE_PROBE_MS, BROKER_PROBE_MS), so with the 1 s refresh a run is at most ~3 s old unless the event loop
 * itself stalled.
 */
export const READINESS_STALE_MS = 4000;

type Outcome = { readonly at: number; readonly result?: HealthCheckResult; readonly error?: unknown };

/**
 * Runs the readiness checks every READINESS_REFRESH_MS and keeps the outcome; /health/ready answers with it (200 or
 * terminus' 503). A change of state shows within a refresh plus a check's deadline (at most ~3 s).
 */
@Injectable()
export class ReadinessMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private latest?: Outcome;
  private running?: Promise<Outcome>;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: HealthIndicatorFunction[],
  ) {}

  onApplicationBootstrap(): void {
    void this.refresh();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** The latest outcome if recent, else a fresh one; throws terminus' ServiceUnavailableException when not ready. */
  async answer(): Promise<HealthCheckResult> {
    const latest = this.latest && Date.now() - this.latest.at <= READINESS_STALE_MS ? this.latest : await this.refresh();
    if (latest.error !== undefined) throw latest.error;
    return latest.result!;
  }

  private refresh(): Promise<Outcome> {
    return (this.running ??= this.health
      .check(this.checks)
      .then(
        (result): Outcome => ({ at: Date.now(), result }),
        (error: unknown): Outcome => ({ at: Date.now(), error }),
      )
      .then((outcome) => {
        this.latest = outcome;
        this.running = undefined;
        if (!this.closed) this.timer = setTimeout(() => void this.refresh(), READINESS_REFRESH_MS).unref();
        return outcome;
      }));
  }
}
