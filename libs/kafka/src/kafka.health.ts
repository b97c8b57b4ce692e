import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.options';

const PROBE_MS = 3000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`broker did not answer within ${ms} ms`)), ms)),
  );
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'kafka') {
    const indicator = this.health.check(key);
    // No retries: readiness must answer within a probe's timeout, not after kafkajs's backoff.
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      const cluster = await withDeadline(
        admin.connect().then(() => admin.describeCluster()),
        PROBE_MS,
      );
      return indicator.up({ brokers: cluster.brokers.length, controller: cluster.controller });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
