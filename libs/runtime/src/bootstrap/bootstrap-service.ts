import type { Type, DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Kafka } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import { ClaimflowKafkaServer, ConsumerGroupState, KAFKA_CLIENT, KAFKA_METRICS, type KafkaMetrics } from '@claimflow/kafka';
import type { BaseConfig } from '../config/base.config';
import { kafkaConnectionSecurity, type KafkaSecurityConfig } from '../config/kafka-security.config';
import type { HttpEdgePort } from './http-edge.port';

export interface ServiceBootstrapOptions {
  readonly name: string;
  readonly module: Type<unknown> | DynamicModule;
  /** What the HTTP server answers beyond the service's routes (@claimflow/http-edge's httpEdge). */
  readonly edge: HttpEdgePort;
  /** Kafka services also carry KafkaSecurityConfig; web has none. */
  readonly config: BaseConfig & Partial<KafkaSecurityConfig> & { readonly PORT: number };
  /** Consumer group; omit for a service that consumes nothing. */
  readonly groupId?: string;
  readonly concurrency?: ConsumerConcurrency;
  /** Logical topics handled only once their messages are this old (ms); see TopicLayout.holdBack. */
  readonly holdBack?: Readonly<Record<string, number>>;
  readonly bodyLimit?: string;
  /** Parse text bodies (X12 as text/plain); off where a service streams them itself. */
  readonly parseText?: boolean;
  /** Parse JSON bodies; off where a service reads the bytes itself (to check their encoding). */
  readonly parseJson?: boolean;
}

/**
 * How much a service's consumer handles side by side: keys (claims) of a fetched chunk, and fetched
 * batches (partitions). The default suits handlers that hold a database connection each; services
 * whose handlers batch what arrives together (the claim pipeline) take BATCHING_CONCURRENCY.
 */
export interface ConsumerConcurrency {
  readonly keysInParallel: number;
  /** 'all': every assigned partition of a fetch at once, so what the handlers batch spans the whole fetch. */
  readonly partitionsInParallel: number | 'all';
}

export const DEFAULT_CONCURRENCY: ConsumerConcurrency = { keysInParallel: 8, partitionsInParallel: 3 };
/**
 * Measured: with the default, ingest's ledger writes went in batches of at most ~24 results; with 8 of
 * ingest's 48 partitions at a time, a fetch took ~5 rounds of writes, and a claim ~420 ms in ingest at 100/s.
 */
export const BATCHING_CONCURRENCY: ConsumerConcurrency = { keysInParallel: 64, partitionsInParallel: 'all' };

/**
 * A dead member holds its partitions this long; heartbeats at a third of it. A service restarted after kill -9 is
 * ready once it has joined, which waits out its dead predecessor: measured 10.1-10.7 s with 10 s, so 9 s.
 */
export const SESSION_TIMEOUT_MS = 9_000;

/**
 * What one fetch may bring (kafkajs' defaults: 10 MB, 1 MB a partition). A fetch is handled all at once, so
 * this bounds what a service holds; measured on a 20,000-claim burst, max RSS of ingest/pricing went from
 * 436/475 MB to 376/325 MB with these, throughput unchanged (997 vs 1,004 claims/s).
 */
export const FETCH_LIMITS = { maxBytes: 2 * 1024 * 1024, maxBytesPerPartition: 256 * 1024 } as const;

/**
 * How long the broker holds a fetch that finds no data: Kafka's own consumer default (fetch.max.wait.ms, 500 ms), not
 * kafkajs's 5 s. A fetch with data is answered at once either way. kafkajs notices a rebalance and stops only between
 * fetches: with 5 s, an idle validator's close waited out LEAVE_GROUP_MS (4.0 s) and left without leaving its group (its
 * partitions then waited out the session), and a second validator took 5.0 s to join.
 */
export const FETCH_WAIT_MS = 500;

/**
 * Connections the kernel holds for the HTTP server until its event loop accepts them (Node's default: 511; Linux
 * caps it at net.core.somaxconn, 4096 by default). With 511, 1,000 clients connecting at once to an ingest whose
 * loop was busy overflowed the queue: the admission flood, run with the machine's two cores kept busy, counted 4,717
 * listen overflows, 119 connections reset and 57 timed out, clients that never got the 503 admission control gives.
 */
const LISTEN_BACKLOG = 4096;

/** Nest's listen hands its arguments to Node's server.listen(port, host, backlog, callback); its types leave out the backlog. */
const listen = (app: NestExpressApplication, port: number, host: string) =>
  (app.listen as unknown as (port: number, host: string, backlog: number) => Promise<unknown>).call(app, port, host, LISTEN_BACKLOG);

/**
 * Starts one service: HTTP server first (health answers while the consumer joins), then the Kafka
 * consumer (ClaimflowKafkaServer), with shutdown hooks: on SIGTERM the consumer leaves its group,
 * so a restarted instance gets the partitions at once instead of waiting out the session.
 */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module, { bufferLogs: true, bodyParser: false });
  options.edge.prepare(app, options.config, {
    limit: options.bodyLimit ?? '1mb',
    parseText: options.parseText !== false,
    parseJson: options.parseJson !== false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (options.groupId) {
    const { config } = options;
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    const strategy = new ClaimflowKafkaServer({
      kafka: kafkaClient(app, options.name, config),
      consumer: {
        groupId: options.groupId + config.TOPIC_SUFFIX,
        allowAutoTopicCreation: true,
        sessionTimeout: SESSION_TIMEOUT_MS,
        heartbeatInterval: Math.floor(SESSION_TIMEOUT_MS / 3),
        // A member that does not rejoin within this is dropped from a rebalance.
        rebalanceTimeout: SESSION_TIMEOUT_MS,
        ...FETCH_LIMITS,
        maxWaitTimeInMs: FETCH_WAIT_MS,
      },
      fromBeginning: true,
      layout: {
        suffix: config.TOPIC_SUFFIX,
        partitions: config.KAFKA_PARTITIONS,
        replication: { replicationFactor: config.KAFKA_REPLICATION_FACTOR, minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS },
        // Each partition is ordered; different partitions (different claims) are handled side by side,
        // so what they hand to a batching handler (ingest's ledger writes) or the publisher goes together.
        keysInParallel: concurrency.keysInParallel,
        partitionsInParallel: concurrency.partitionsInParallel,
        holdBack: options.holdBack,
      },
      membership: app.get(ConsumerGroupState, { strict: false }),
      metrics: kafkaMetrics(app),
    });
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    await listen(app, options.config.PORT, options.config.HOST);
    await app.startAllMicroservices();
    return app;
  }
  await listen(app, options.config.PORT, options.config.HOST);
  return app;
}

/**
 * The process's one kafkajs client: KafkaModule's (the publisher's and the health probe's), so the consumer adds no
 * client of its own; a module without KafkaModule gets one made from the same settings.
 */
function kafkaClient(app: NestExpressApplication, name: string, config: ServiceBootstrapOptions['config']): Kafka {
  try {
    return app.get<Kafka>(KAFKA_CLIENT, { strict: false });
  } catch {
    return new Kafka({ clientId: name, brokers: [...config.KAFKA_BROKERS], retry: { retries: 8 }, ...kafkaConnectionSecurity(config) });
  }
}

/** The metrics the Kafka transport reports lag to, when the service module includes them. */
function kafkaMetrics(app: NestExpressApplication): KafkaMetrics | undefined {
  try {
    return app.get<KafkaMetrics>(KAFKA_METRICS, { strict: false });
  } catch {
    return undefined;
  }
}
