import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.options';

/**
 * The broker's share of a readiness answer. Readiness must answer within 3 s (a probe's usual timeout) whatever the
 * broker does; the service's checks run side by side, so each gets this, leaving the rest for the HTTP round trip
 * and a busy event loop (measured with 2.5 s: a longest answer of 3.13 s in the chaos run on two shared cores).
 */
export const BROKER_PROBE_MS = 2000;

/** Rejects when `work` has not settled within `ms`; `work` itself runs on (and its rejection is swallowed). */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  const expiry = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)),
  );
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

/**
 * Is the broker there? One admin client, connected once and kept; probes that arrive while one is in flight share it,
 * so a frozen broker (a network partition, SIGSTOP) costs one pending request, not one per probe. Nothing on the
 * answer's path waits on a disconnect (which itself waits on the broker): an admin that failed is let go in the
 * background and the next probe starts a fresh one.
 */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin?: Admin;
  private connecting?: Promise<void>;
  private inFlight?: Promise<{ brokers: number; controller: number | null }>;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'kafka') {
    const indicator = this.health.check(key);
    try {
      const cluster = await withDeadline((this.inFlight ??= this.probe()), BROKER_PROBE_MS, 'the broker');
      return indicator.up(cluster);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async probe(): Promise<{ brokers: number; controller: number | null }> {
    try {
      if (!this.admin) {
        // No retries: a probe answers now, not after kafkajs's backoff.
        this.admin = this.kafka.admin({ retry: { retries: 0 } });
        this.connecting = this.admin.connect();
      }
      const admin = this.admin;
      await this.connecting;
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length, controller: cluster.controller };
    } catch (error) {
      this.release();
      throw error;
    } finally {
      this.inFlight = undefined;
    }
  }

  /** Lets the admin go without waiting for it. */
  private release(): void {
    const admin = this.admin;
    this.admin = undefined;
    this.connecting = undefined;
    void admin?.disconnect().catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.release();
  }
}
