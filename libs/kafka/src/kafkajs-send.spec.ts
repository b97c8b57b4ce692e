/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's own send path, which its types do not export */
import { brokerUnavailable, producerStateLost } from './broker-failure';

/**
 * Two kafkajs faults behind the cluster kill test's failures, shown on kafkajs's own produce path.
 *
 * 1. Why a broker's death rejected 109 claims on the cluster: kafkajs's own produce path (sendMessages and the
 * idempotent producer's sequence bookkeeping, run unchanged) driven by a scripted cluster whose partition leader
 * changes while a send to the old leader is in flight. kafkajs numbers records per partition but locks per broker,
 * so a second send, already routed to the new leader, reads the sequence the first one took and has not yet given
 * back, and the new leader answers OUT_OF_ORDER_SEQUENCE_NUMBER, which kafkajs does not retry: the validator or
 * pricing dead-lettered the message and ingest recorded the claim as rejected. One send at a time (EventPublisher
 * since this spec) never shows it.
 *
 * 2. Why claims were stuck short of a result with nothing in any topic: a send whose partitions live on two brokers,
 * one of which dies, is retried by kafkajs only to brokers without an answer yet; the dead broker's partitions,
 * now led by the broker that already answered, are never sent, and the send resolves as if they had been. The
 * outbox then deleted rows whose messages the cluster never had. Without kafkajs's retries (EventPublisher sends
 * the whole batch again itself, duplicates being recognised by message id) nothing is dropped.
 */
const createSendMessages = require('kafkajs/src/producer/sendMessages') as (deps: object) => SendMessages;
const createEosManager = require('kafkajs/src/producer/eosManager') as (deps: object) => { initProducerId(): Promise<void> };
const createRetry = require('kafkajs/src/retry') as (options: object) => unknown;
const { KafkaJSConnectionError } = require('kafkajs/src/errors') as { KafkaJSConnectionError: new (m: string) => Error };
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as { createErrorFromCode: (code: number) => Error };

type SendMessages = (request: { acks: number; topicMessages: { topic: string; messages: { value: string }[] }[] }) => Promise<unknown>;
type TopicData = { topic: string; partitions: { partition: number; firstSequence: number; messages: unknown[] }[] }[];

const OUT_OF_ORDER_SEQUENCE_NUMBER = 45;
const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** One partition, replicated: the sequence the log expects next is the same whichever node leads it. */
function scriptedCluster() {
  let expected = 0;
  let leader = 1;
  let oldLeaderDies!: () => void;
  const died = new Promise<void>((resolve) => (oldLeaderDies = resolve));
  const append = (topicData: TopicData) => {
    const entry = topicData[0]!.partitions[0]!;
    if (entry.firstSequence !== expected) throw createErrorFromCode(OUT_OF_ORDER_SEQUENCE_NUMBER);
    expected += entry.messages.length;
    return { topics: [{ topicName: topicData[0]!.topic, partitions: [{ partition: 0, errorCode: 0, baseOffset: '0' }] }] };
  };
  const brokers: Record<number, object> = {
    // The old leader takes the request and dies before answering (kill -9): the records never reach the log.
    1: { nodeId: 1, produce: async () => died.then(() => Promise.reject(new KafkaJSConnectionError('Connection error: ECONNREFUSED'))) },
    2: { nodeId: 2, produce: async ({ topicData }: { topicData: TopicData }) => append(topicData) },
  };
  const cluster = {
    retry: { retries: 0 },
    refreshMetadataIfNecessary: async () => undefined,
    refreshMetadata: async () => undefined,
    addMultipleTargetTopics: async () => undefined,
    isConnected: () => true,
    removeBroker: () => undefined,
    findControllerBroker: async () => ({ initProducerId: async () => ({ producerId: 7, producerEpoch: 0 }) }),
    findTopicPartitionMetadata: () => [{ partitionId: 0, leader }],
    findLeaderForPartitions: (_topic: string, partitions: string[]) => ({ [leader]: partitions.map(Number) }),
    findBroker: async ({ nodeId }: { nodeId: number }) => brokers[nodeId],
  };
  return { cluster, electNewLeader: () => (leader = 2), oldLeaderDies };
}

async function idempotentSender() {
  const scripted = scriptedCluster();
  const eosManager = createEosManager({ logger, cluster: scripted.cluster });
  await eosManager.initProducerId();
  const send = createSendMessages({
    logger,
    cluster: scripted.cluster,
    partitioner: () => 0,
    eosManager,
    retrier: createRetry({ retries: 3, initialRetryTime: 5 }),
  });
  const batch = (n: number) => ({
    acks: -1,
    topicMessages: [{ topic: 'claims.priced.v1', messages: Array.from({ length: n }, () => ({ value: 'x' })) }],
  });
  return {
    ...scripted,
    send: (n: number) =>
      send(batch(n)).then(
        () => 'sent',
        (error: unknown) => error,
      ),
  };
}

describe("kafkajs's idempotent producer across a leader change", () => {
  it('answers OUT_OF_ORDER_SEQUENCE_NUMBER to a send made while another is in flight to the dead leader', async () => {
    const { send, electNewLeader, oldLeaderDies } = await idempotentSender();
    const first = send(3); // routed to node 1, which will die with it
    await new Promise((resolve) => setImmediate(resolve));
    electNewLeader();
    const second = await send(1); // routed to node 2 while the first still holds sequences 0-2
    oldLeaderDies();
    expect(producerStateLost(second)).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect((second as { retriable?: boolean }).retriable).toBe(false);
    expect(await first).toBe('sent'); // retried at the new leader with its own sequences
  });

  it('takes both when the second send waits for the first, as EventPublisher now makes it', async () => {
    const { send, electNewLeader, oldLeaderDies } = await idempotentSender();
    const first = send(3);
    await new Promise((resolve) => setImmediate(resolve));
    electNewLeader();
    oldLeaderDies();
    expect(await first).toBe('sent');
    expect(await send(1)).toBe('sent');
  });
});

/** Two partitions: p0 led by node 1, which dies on the first request (and p0 moves to node 2), p1 by node 2. */
function twoLeaderCluster() {
  const leaders: Record<number, number> = { 0: 1, 1: 2 };
  const written: Record<number, number> = { 0: 0, 1: 0 };
  const brokers: Record<number, object> = {
    1: {
      nodeId: 1,
      produce: async () => {
        leaders[0] = 2; // the controller elects node 2 for p0
        throw new KafkaJSConnectionError('Connection error: ECONNREFUSED');
      },
    },
    2: {
      nodeId: 2,
      produce: async ({ topicData }: { topicData: TopicData }) => {
        for (const entry of topicData[0]!.partitions) written[entry.partition]! += entry.messages.length;
        const partitions = topicData[0]!.partitions.map((e) => ({ partition: e.partition, errorCode: 0, baseOffset: '0' }));
        return { topics: [{ topicName: topicData[0]!.topic, partitions }] };
      },
    },
  };
  const cluster = {
    retry: { retries: 0 },
    refreshMetadataIfNecessary: async () => undefined,
    refreshMetadata: async () => undefined,
    addMultipleTargetTopics: async () => undefined,
    isConnected: () => true,
    removeBroker: () => undefined,
    findTopicPartitionMetadata: () => [0, 1].map((partitionId) => ({ partitionId, leader: leaders[partitionId] })),
    findLeaderForPartitions: (_topic: string, partitions: string[]) => {
      const byLeader: Record<number, number[]> = {};
      for (const p of partitions.map(Number)) (byLeader[leaders[p]!] ??= []).push(p);
      return byLeader;
    },
    findBroker: async ({ nodeId }: { nodeId: number }) => brokers[nodeId],
  };
  const send = (retries: number) =>
    createSendMessages({
      logger,
      cluster,
      partitioner: ({ message }: { message: { key: string } }) => (message.key === 'a' ? 0 : 1),
      eosManager: {
        isTransactional: () => false,
        getSequence: () => 0,
        updateSequence: () => undefined,
        acquireBrokerLock: async () => undefined,
        releaseBrokerLock: async () => undefined,
        getProducerId: () => -1,
        getProducerEpoch: () => 0,
        getTransactionalId: () => undefined,
      },
      retrier: createRetry({ retries, initialRetryTime: 5 }),
    })({
      acks: -1,
      topicMessages: [{ topic: 'claims.normalized.v1', messages: [{ key: 'a', value: 'x' } as never, { key: 'b', value: 'y' } as never] }],
    }).then(
      () => 'sent',
      (error: unknown) => error,
    );
  return { send, written };
}

describe("kafkajs's retry of a send spanning two brokers, one of which dies", () => {
  it("resolves as sent though the dead leader's partition was never written", async () => {
    const { send, written } = twoLeaderCluster();
    expect(await send(3)).toBe('sent');
    expect(written).toEqual({ 0: 0, 1: 1 }); // p0's message is gone
  });

  it('fails instead without its own retries, and the whole batch sent again loses nothing', async () => {
    const { send, written } = twoLeaderCluster();
    const first = await send(0);
    expect(first).toBeInstanceOf(Error);
    expect(brokerUnavailable(first)).toBe(true);
    expect(await send(0)).toBe('sent');
    expect(written[0]).toBe(1);
    expect(written[1]).toBeGreaterThanOrEqual(1); // p1 twice when its first answer came: a duplicate, by message id
  });
});
