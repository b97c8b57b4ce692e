import { Kafka, Partitioners, logLevel, type KafkaMessage, type Message, type ProducerConfig } from 'kafkajs';
import { rootEnvelope } from '@claimflow/contracts';
import { BrokerUnavailableError, isBrokerUnavailableError } from './broker-failure';
import { EventPublisher, PRODUCER_CONFIG, producerStateLost, type OutgoingMessage } from './event-publisher';
import { unpackRecord } from '@claimflow/contracts';
import type { TopicResolver } from './topic-resolver';

describe('producer state lost at the broker', () => {
  const protocolError = (type: string) => Object.assign(new Error(type), { type, retriable: false });

  it('recognises the answers kafkajs never recovers from, also wrapped in its NonRetriable error', () => {
    expect(producerStateLost(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER'))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    const wrapped = Object.assign(new Error('KafkaJSNonRetriableError'), { cause: protocolError('UNKNOWN_PRODUCER_ID') });
    expect(producerStateLost(wrapped)).toBe('UNKNOWN_PRODUCER_ID');
    expect(producerStateLost(Object.assign(new Error('x'), { cause: protocolError('INVALID_PRODUCER_EPOCH') }))).toBe(
      'INVALID_PRODUCER_EPOCH',
    );
  });

  it('leaves every other failure alone', () => {
    expect(producerStateLost(protocolError('NOT_LEADER_OR_FOLLOWER'))).toBeUndefined();
    expect(producerStateLost(new Error('Connection error'))).toBeUndefined();
    expect(producerStateLost(undefined)).toBeUndefined();
  });
});

describe('EventPublisher', () => {
  it("has a producer configuration kafkajs accepts (its idempotent producer refuses to run without kafkajs's retries)", () => {
    const kafka = new Kafka({ clientId: 'spec', brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING });
    expect(() => kafka.producer(PRODUCER_CONFIG)).not.toThrow();
    expect(() => kafka.producer({ ...PRODUCER_CONFIG, idempotent: true })).toThrow('must allow retries');
  });

  /** A producer that records how many sends overlap and fails the way it is told. */
  /** `fail` answers each send (undefined: taken); `failures` how many sends fail (all by default). */
  /** `held`: a send waits for it before answering (a send under way for as long as the test wants). */
  function publisherWith(fail?: () => Error, failures = Infinity, held: Promise<void> = Promise.resolve()) {
    const seen = { inFlight: 0, most: 0, batches: [] as number[], attempts: 0 };
    const producer = {
      connect: async () => undefined,
      disconnect: async () => undefined,
      sendBatch: async ({ topicMessages }: { topicMessages: { messages: unknown[] }[] }) => {
        seen.most = Math.max(seen.most, ++seen.inFlight);
        await held;
        // The fake broker's round trip (5 ms), not a wait for a condition: sends must overlap in time to be caught.
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.inFlight--;
        if (fail && ++seen.attempts <= failures) throw fail();
        seen.batches.push(topicMessages.reduce((n, t) => n + t.messages.length, 0));
      },
    };
    const kafka = { producer: () => producer } as unknown as Kafka;
    const topics = { physical: (topic: string) => topic, packs: () => false } as unknown as TopicResolver;
    return { publisher: new EventPublisher(kafka, topics), seen };
  }
  const message = (n: number): OutgoingMessage => ({ topic: 't', key: `k${n}`, envelope: rootEnvelope('Ping.v1'), value: { n } });

  it('keeps one send in flight, the publications made meanwhile going out together in the next', async () => {
    let release = () => {};
    const { publisher, seen } = publisherWith(undefined, Infinity, new Promise<void>((resolve) => (release = resolve)));
    const first = publisher.publish(message(0));
    // The first send is under way (held until released, so a loaded machine cannot finish it before the others).
    while (seen.inFlight === 0) await new Promise((resolve) => setImmediate(resolve));
    const meanwhile = Array.from({ length: 20 }, (_, i) => publisher.publish(message(i + 1)));
    release();
    await Promise.all([first, ...meanwhile]);
    expect(seen.most).toBe(1);
    expect(seen.batches).toEqual([1, 20]);
  });

  const spent = () =>
    Object.assign(new Error('retries spent'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      retriable: false,
      cause: Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError', retriable: true }),
    });

  it('sends the whole batch again when the cluster did not take it, and resolves once it does', async () => {
    const { publisher, seen } = publisherWith(spent, 2);
    await publisher.publish(message(0), message(1));
    expect(seen.attempts).toBe(3);
    expect(seen.batches).toEqual([2]);
  });

  it('fails as the cluster being away, not as a refused message, once its attempts are spent', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const failing = publisherWith(spent)
        .publisher.publish(message(0))
        .catch((error: unknown) => error);
      for (let i = 0; i < 20; i++) await jest.advanceTimersByTimeAsync(5_000);
      const failure = await failing;
      expect(failure).toBeInstanceOf(BrokerUnavailableError);
      expect(isBrokerUnavailableError(failure)).toBe(true);
      expect((failure as Error).message).toContain('after 8 attempt(s)');
    } finally {
      jest.useRealTimers();
    }
  });

  it('lets a refusal of the message itself through unchanged, so that it is dead-lettered', async () => {
    const tooLarge = () => Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE', retriable: false });
    const failure = await publisherWith(tooLarge)
      .publisher.publish(message(0))
      .catch((error: unknown) => error);
    expect(isBrokerUnavailableError(failure)).toBe(false);
    expect((failure as Error).message).toBe('too large');
  });

  it('packs a packed topic by partition once its producer knows the partitions, each message where it would go alone', async () => {
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionId, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1] }));
    const records: { topic: string; message: Message; partition: number }[][] = [];
    const kafka = {
      producer: (config: ProducerConfig) => {
        const partitioner = config.createPartitioner!();
        return {
          connect: async () => undefined,
          disconnect: async () => undefined,
          // As kafkajs: the partitioner places each record (its explicit partition, else its key's) with the topic's metadata.
          sendBatch: async ({ topicMessages }: { topicMessages: { topic: string; messages: Message[] }[] }) =>
            void records.push(
              topicMessages.flatMap(({ topic, messages }) =>
                messages.map((message) => ({ topic, message, partition: partitioner({ topic, partitionMetadata, message }) })),
              ),
            ),
        };
      },
    } as unknown as Kafka;
    const topics = {
      physical: (topic: string) => `${topic}.x`,
      packs: (topic: string) => topic === 'packed.x',
    } as unknown as TopicResolver;
    const publisher = new EventPublisher(kafka, topics);
    const batch = (topic: string, from: number) =>
      Array.from({ length: 12 }, (_, i) => ({ ...message(from + i), topic, key: `claim-${(from + i) % 5}` }));
    await publisher.publish(...batch('packed', 0));
    const later = batch('packed', 12);
    await publisher.publish(...later, ...batch('other', 12));
    const [first, second] = records;
    // Before its first send the producer knows no partitions: one message a record.
    expect(first).toHaveLength(12);
    const packed = second!.filter((r) => r.topic === 'packed.x');
    expect(second!.filter((r) => r.topic === 'other.x')).toHaveLength(12);
    expect(packed.length).toBeLessThanOrEqual(3);
    const alone = (key: string) => partitioner({ topic: 'packed.x', partitionMetadata, message: { key, value: null } });
    const partitioner = Partitioners.DefaultPartitioner();
    const unpacked = packed.flatMap(({ message: m, partition }, offset) =>
      unpackRecord({
        key: Buffer.from(String(m.key)),
        value: Buffer.from(m.value as Buffer),
        headers: m.headers,
        offset: String(offset),
        timestamp: '0',
        attributes: 0,
      } as KafkaMessage).map((u) => ({
        partition,
        key: u.key!.toString(),
        n: (JSON.parse(u.value!.toString()) as { n: number }).n,
        id: String(u.headers!['cf-message-id']),
      })),
    );
    for (const u of unpacked) expect(u.partition).toBe(alone(u.key));
    for (const p of [0, 1, 2]) {
      const sent = later.filter((m) => alone(m.key) === p);
      expect(unpacked.filter((u) => u.partition === p)).toEqual(
        sent.map((m) => ({ partition: p, key: m.key, n: (m.value as { n: number }).n, id: m.envelope.id })),
      );
    }
  });
});
