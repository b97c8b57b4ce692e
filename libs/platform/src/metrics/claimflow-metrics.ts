import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { KafkaMetrics } from '@claimflow/kafka';
import { RefDataHolder } from '../refdata/refdata.holder';

export const METRICS_SERVICE = Symbol('METRICS_SERVICE');
export const METRIC_PREFIX = 'claimflow_';

/**
 * One Prometheus registry per service instance (tests run several services in one process), every
 * series prefixed claimflow_ and labelled with the service. Labels carry codes, routes and topics,
 * never claim contents.
 */
@Injectable()
export class ClaimflowMetrics implements KafkaMetrics, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly registers = [this.registry];

  readonly httpRequests = new Counter({
    name: `${METRIC_PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: this.registers,
  });
  readonly httpDuration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'HTTP request latency, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: this.registers,
  });
  private readonly kafkaConsumed = new Counter({
    name: `${METRIC_PREFIX}kafka_messages_consumed_total`,
    help: 'Kafka messages consumed, by topic',
    labelNames: ['topic'] as const,
    registers: this.registers,
  });
  private readonly kafkaProduced = new Counter({
    name: `${METRIC_PREFIX}kafka_messages_produced_total`,
    help: 'Kafka messages produced, by topic',
    labelNames: ['topic'] as const,
    registers: this.registers,
  });
  private readonly kafkaDeadLettered = new Counter({
    name: `${METRIC_PREFIX}kafka_messages_dead_lettered_total`,
    help: 'Kafka messages sent to the dead-letter topic, by the topic they were consumed from',
    labelNames: ['topic'] as const,
    registers: this.registers,
  });
  private readonly kafkaLag = new Gauge({
    name: `${METRIC_PREFIX}kafka_consumer_lag`,
    help: 'Messages behind the high watermark after the last batch, by topic and partition',
    labelNames: ['topic', 'partition'] as const,
    registers: this.registers,
  });
  readonly claimsFinal = new Counter({
    name: `${METRIC_PREFIX}claims_final_total`,
    help: 'Claims that reached a final status (priced, rejected)',
    labelNames: ['status'] as const,
    registers: this.registers,
  });
  /** Ingest's ledger janitor: expired inbox entries and outbox rows marked sent by an earlier relay. */
  readonly retentionRemoved = new Counter({
    name: `${METRIC_PREFIX}retention_rows_removed_total`,
    help: 'Rows deleted by retention, by table',
    labelNames: ['table'] as const,
    registers: this.registers,
  });
  readonly edits = new Counter({
    name: `${METRIC_PREFIX}validation_edits_total`,
    help: 'Edits raised by the validator, by edit code and severity',
    labelNames: ['code', 'severity'] as const,
    registers: this.registers,
  });

  constructor(
    @Inject(METRICS_SERVICE) service: string,
    @Optional() private readonly refdata?: RefDataHolder,
  ) {
    this.registry.setDefaultLabels({ service });
    // Process metrics, including claimflow_nodejs_eventloop_lag_* (event-loop delay percentiles).
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX, eventLoopMonitoringPrecision: 10 });
    const holder = this.refdata;
    if (holder)
      new Gauge({
        name: `${METRIC_PREFIX}refdata_release_info`,
        help: 'Reference-data releases in use (value 1), by dataset, release and partial flag',
        labelNames: ['dataset', 'release', 'partial'] as const,
        registers: this.registers,
        collect() {
          this.reset();
          for (const r of holder.current.releases()) this.set({ dataset: r.dataset, release: r.id, partial: String(r.partial) }, 1);
        },
      });
  }

  consumed(topic: string): void {
    this.kafkaConsumed.inc({ topic });
  }

  produced(topic: string, count: number): void {
    this.kafkaProduced.inc({ topic }, count);
  }

  deadLettered(topic: string): void {
    this.kafkaDeadLettered.inc({ topic });
  }

  lag(topic: string, partition: number, lag: number): void {
    this.kafkaLag.set({ topic, partition: String(partition) }, lag);
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
