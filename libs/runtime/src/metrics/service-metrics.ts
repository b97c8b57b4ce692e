import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Registry, collectDefaultMetrics, type CounterConfiguration } from 'prom-client';
import type { KafkaMetrics } from '@claimflow/kafka';
import { RefDataHolder } from '@claimflow/refdata';

export const METRICS_SERVICE = Symbol('METRICS_SERVICE');
export const METRIC_PREFIX = 'claimflow_';

/**
 * One Prometheus registry per service instance (tests run several services in one process), every
 * series prefixed claimflow_ and labelled with the service. Labels carry codes, routes and topics,
 * never claim contents. Here only the series every service shares (process, Kafka plumbing, reference data);
 * a service declares its own in a subclass (IngestMetrics, ValidatorMetrics) with counter(), the HTTP edge its own.
 */
@Injectable()
export class ServiceMetrics implements KafkaMetrics, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly registers = [this.registry];

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
    help: 'Records behind the high watermark after the last batch (a packed record counts once), by topic and partition',
    labelNames: ['topic', 'partition'] as const,
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

  /** A counter of the service's own on this registry, named claimflow_<name>. */
  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter<L>({ ...config, name: `${METRIC_PREFIX}${config.name}`, registers: this.registers });
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
