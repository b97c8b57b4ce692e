import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaClientSecurity } from '@claimflow/testing';

export interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  /** Node id of the leader; -1 while none is elected. */
  readonly leader: number;
  readonly replicas: number;
  readonly isr: readonly number[];
}

/** The cluster tests' Kafka client (as `admin`, few retries: a dead node must not stall a read). */
export function clusterKafka(brokers: string[], clientId: string): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 }, ...kafkaClientSecurity('admin', brokers) });
}

/**
 * The cluster's view of some topics, as an operator's tooling reads it (admin metadata: leader, replicas, in-sync
 * replicas per partition), through whichever nodes answer.
 */
export class ClusterMetadata {
  private constructor(private readonly admin: Admin) {}

  static async connect(brokers: string[]): Promise<ClusterMetadata> {
    const admin = clusterKafka(brokers, 'cluster-test-observer').admin();
    await admin.connect();
    return new ClusterMetadata(admin);
  }

  /** The topics whose names end with the suffix (the ones the services created for this run). */
  async topicsWithSuffix(suffix: string): Promise<string[]> {
    return (await this.admin.listTopics()).filter((t) => t.endsWith(suffix));
  }

  async partitions(topics: string[]): Promise<PartitionState[]> {
    const { topics: found } = await this.admin.fetchTopicMetadata({ topics });
    return found.flatMap((t) =>
      t.partitions.map((p) => ({ topic: t.name, partition: p.partitionId, leader: p.leader, replicas: p.replicas.length, isr: p.isr })),
    );
  }

  /** The topic-level min.insync.replicas of each topic. */
  async minInsync(topics: string[]): Promise<Record<string, string>> {
    const { resources } = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: 2 /* TOPIC */, name, configNames: ['min.insync.replicas'] })),
    });
    return Object.fromEntries(resources.map((r) => [r.resourceName, r.configEntries[0]?.configValue ?? '']));
  }

  close(): Promise<void> {
    return this.admin.disconnect();
  }
}

/** Partitions with fewer in-sync replicas than replicas (Kafka's UnderReplicatedPartitions). */
export const underReplicated = (partitions: readonly PartitionState[]) => partitions.filter((p) => p.isr.length < p.replicas);

/** The node leading the most partitions (a kill -9 of it moves the most leaders). */
export function busiestLeader(partitions: readonly PartitionState[]): number {
  const led = new Map<number, number>();
  for (const p of partitions) led.set(p.leader, (led.get(p.leader) ?? 0) + 1);
  return [...led].sort((a, b) => b[1] - a[1])[0]![0];
}
