import { Kafka, Partitioners, logLevel, type Consumer } from 'kafkajs';
import { PACKED_HEADER, rootEnvelope, unpackRecord } from '@claimflow/contracts';
import { createTopicsLed, kafkaClientSecurity, startInfra, uniqueSuffix, waitFor, type Infra } from '@claimflow/testing';
import { EventPublisher, TopicResolver, type OutgoingMessage } from '../src';

const PARTITIONS = 6;

// The publisher packs on the real broker: each message of a record on the partition its key has alone, in order.
describe('packed records on the broker', () => {
  let infra: Infra;
  let consumer: Consumer | undefined;
  let publisher: EventPublisher | undefined;

  beforeAll(async () => (infra = await startInfra()));
  afterAll(async () => {
    await consumer?.disconnect();
    await publisher?.onApplicationShutdown();
    await infra?.stop();
  });

  it('carries a send of many claims in a few records that unpack to every message, each where it goes alone', async () => {
    const suffix = uniqueSuffix();
    const brokers = infra.kafkaBrokers;
    const kafka = new Kafka({
      clientId: `packed-${suffix}`,
      brokers,
      logLevel: logLevel.NOTHING,
      ...kafkaClientSecurity('admin', brokers),
    });
    const topic = 'test.packed.v2';
    const admin = kafka.admin();
    await admin.connect();
    await createTopicsLed(admin, [topic + suffix], PARTITIONS);
    const topics = new TopicResolver({ brokers, clientId: 'spec', topicSuffix: suffix, groupId: 'g', packedTopics: [topic] });
    publisher = new EventPublisher(kafka, topics);
    const message = (n: number): OutgoingMessage => ({ topic, key: `claim-${n % 17}`, envelope: rootEnvelope('Packed.v1'), value: { n } });
    // The producer learns the topic's partitions on its first send; the next ones are packed.
    const sent = Array.from({ length: 121 }, (_, n) => message(n));
    await publisher.publish(sent[0]!);
    await publisher.publish(...sent.slice(1));

    const records: { partition: number; packed: boolean; messages: { key: string; n: number; id: string }[] }[] = [];
    consumer = kafka.consumer({ groupId: `packed-${suffix}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: topic + suffix, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message: record }) =>
        void records.push({
          partition,
          packed: record.headers?.[PACKED_HEADER] !== undefined,
          messages: unpackRecord(record).map((m) => ({
            key: m.key!.toString(),
            n: (JSON.parse(m.value!.toString()) as { n: number }).n,
            id: String(m.headers!['cf-message-id']),
          })),
        }),
    });
    await waitFor(() => records.reduce((n, r) => n + r.messages.length, 0) >= sent.length, {
      description: 'every message consumed',
      timeoutMs: 30_000,
    });
    await admin.deleteTopics({ topics: [topic + suffix] }).catch(() => undefined);
    await admin.disconnect();

    const alone = Partitioners.DefaultPartitioner();
    const metadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({
      partitionId,
      leader: 0,
      partitionErrorCode: 0,
      replicas: [0],
      isr: [0],
    }));
    const partitionOf = (key: string) => alone({ topic, partitionMetadata: metadata, message: { key, value: null } });
    // 120 messages over 6 partitions: at most one record a partition, plus the first message's own.
    expect(records.length).toBeLessThanOrEqual(PARTITIONS + 1);
    expect(records.filter((r) => r.packed).length).toBeGreaterThan(0);
    for (let p = 0; p < PARTITIONS; p++) {
      const got = records.filter((r) => r.partition === p).flatMap((r) => r.messages);
      const expected = sent
        .filter((m) => partitionOf(m.key) === p)
        .map((m) => ({ key: m.key, n: (m.value as { n: number }).n, id: m.envelope.id }));
      expect(got).toEqual(expected);
    }
  });
});
