import type { ArgumentsHost } from '@nestjs/common';
import { BaseRpcExceptionFilter, type KafkaContext } from '@nestjs/microservices';
import { RpcProxy } from '@nestjs/microservices/context/rpc-proxy';
import type { ConsumerConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { ClaimflowKafkaServer } from './claimflow-kafka.server';
import { ConsumerGroupState } from './consumer-group.state';
import type { TopicLayout } from './topic-layout';

type Listener = (e: { payload: Record<string, unknown> }) => void;

/** kafkajs with the broker left out: what the consumer was made with, subscribed to and run with. */
function fakeKafka(brokerTopics: string[] = []) {
  const seen = {
    config: undefined as ConsumerConfig | undefined,
    subscribed: [] as string[],
    runConfig: {} as Record<string, unknown> & { eachBatch?: (payload: EachBatchPayload) => Promise<void> },
    listeners: {} as Record<string, Listener>,
    disconnected: false,
  };
  const idle = async () => undefined;
  const consumer = {
    events: { GROUP_JOIN: 'join', REBALANCING: 'rebalancing', CRASH: 'crash', STOP: 'stop', DISCONNECT: 'disconnect' },
    on: (event: string, listener: Listener) => void (seen.listeners[event] = listener),
    connect: idle,
    subscribe: async ({ topics }: { topics: string[] }) => void seen.subscribed.push(...topics),
    run: async (config: typeof seen.runConfig) => void (seen.runConfig = config),
    disconnect: async () => void (seen.disconnected = true),
  };
  const admin = { connect: idle, disconnect: idle, listTopics: async () => brokerTopics, createTopics: async () => true };
  const kafka = { consumer: (config: ConsumerConfig) => ((seen.config = config), consumer), admin: () => admin } as unknown as Kafka;
  return { kafka, seen };
}

type Options = { layout?: Partial<TopicLayout>; membership?: ConsumerGroupState; failAt?: string; patterns?: string[] };
/** A server whose handlers record the offsets they handle; the one at `failAt` fails like a crash. */
async function started(options: Options = {}) {
  const { kafka, seen } = fakeKafka(['t.acme.sfx', 'u.sfx']);
  const server = new ClaimflowKafkaServer({
    kafka,
    consumer: { groupId: 'g.sfx' },
    layout: { suffix: '.sfx', partitions: 1, ...options.layout },
    membership: options.membership,
  });
  const handled: string[] = [];
  for (const pattern of options.patterns ?? ['t'])
    server.addHandler(
      pattern,
      async (_data: unknown, context: KafkaContext) => {
        const { offset } = context.getMessage();
        if (offset === options.failAt) throw new Error('process died');
        handled.push(`${context.getTopic()}@${offset}`);
      },
      true,
    );
  let failure: unknown;
  await server.listen((error?: unknown) => (failure = error));
  if (failure) throw failure;
  return { server, seen, handled, eachBatch: seen.runConfig.eachBatch! };
}

const message = (offset: number): KafkaMessage =>
  ({
    offset: String(offset),
    key: Buffer.from(`claim-${offset % 7}`),
    value: null,
    timestamp: '0',
    attributes: 0,
    headers: {},
  }) as KafkaMessage;

function batchOf(count: number, topic = 't.sfx', commit?: () => Promise<void>) {
  const resolved: string[] = [];
  let commits = 0;
  const messages = Array.from({ length: count }, (_, i) => message(i));
  const payload = {
    batch: { topic, partition: 0, messages, highWatermark: String(count) },
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: async () => undefined,
    commitOffsetsIfNecessary: commit ?? (async () => void commits++),
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved, commits: () => commits };
}

describe('ClaimflowKafkaServer', () => {
  it("handles every partition of the topics it consumes side by side with partitionsInParallel 'all'", async () => {
    const { seen } = await started({ layout: { partitions: 12, partitionsInParallel: 'all' }, patterns: ['t', 'u'] });
    expect(seen.subscribed).toEqual(['t.sfx', 'u.sfx']);
    expect(seen.runConfig).toMatchObject({ partitionsConsumedConcurrently: 24 });
  });

  it("consumes every owner topic on the broker and routes it to its family's handler", async () => {
    const { seen, handled } = await started({ patterns: ['t.{owner}'] });
    expect(seen.subscribed).toEqual(['t.acme.sfx']);
    await seen.runConfig.eachBatch!(batchOf(1, 't.acme.sfx').payload);
    expect(handled).toEqual(['t.acme.sfx@0']);
  });

  it('shares one commit between chunks of several partitions that finish together, each committed before it returns', async () => {
    const { eachBatch } = await started();
    let commits = 0;
    let committing = 0;
    let overlapping = false;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const commit = async () => {
      overlapping ||= ++committing > 1;
      await gate;
      committing--;
      commits++;
    };
    const batches = Array.from({ length: 6 }, () => batchOf(10, 't.sfx', commit));
    let returned = 0;
    const handling = batches.map((b) => eachBatch(b.payload).then(() => returned++));
    // The first commit is held open until every chunk has resolved its offset and asked for a commit.
    for (let turns = 0; !batches.every((b) => b.resolved.length === 1) && turns < 1000; turns++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(returned).toBe(0);
    open();
    await Promise.all(handling);
    expect(overlapping).toBe(false);
    // The one in flight, and one more started after all six resolved their offsets.
    expect(commits).toBe(2);
    batches.forEach((b) => expect(b.resolved).toEqual(['9']));
  });

  it('lets kafkajs restart a crashed consumer until the server closes, never after; closing leaves the group', async () => {
    const { server, seen } = await started();
    const restarts = () => seen.config!.retry!.restartOnFailure!(new Error('crash'));
    expect(await restarts()).toBe(true);
    await server.close();
    expect(await restarts()).toBe(false);
    expect(seen.disconnected).toBe(true);
  });

  it('commits a batch chunk by chunk, each once it is handled', async () => {
    const { eachBatch, seen, handled } = await started();
    expect(seen.runConfig).toMatchObject({ eachBatchAutoResolve: false, autoCommitThreshold: 1 });
    const batch = batchOf(150);
    await eachBatch(batch.payload);
    expect(batch.resolved).toEqual(['63', '127', '149']);
    expect(batch.commits()).toBe(3);
    const offsets = handled.map((h) => Number(h.split('@')[1])).sort((a, b) => a - b);
    expect(offsets).toEqual(Array.from({ length: 150 }, (_, i) => i));
  });

  it('after a crash mid-batch has committed only the chunks before it, so only the unfinished chunk is redelivered', async () => {
    const { eachBatch } = await started({ failAt: '100' });
    const batch = batchOf(150);
    await expect(eachBatch(batch.payload)).rejects.toThrow('process died');
    expect(batch.resolved).toEqual(['63']);
    expect(batch.commits()).toBe(1);
  });

  it('reports group membership to readiness', async () => {
    const state = new ConsumerGroupState();
    const { seen } = await started({ membership: state });
    expect(state).toMatchObject({ expected: true, status: 'joining' });
    seen.listeners.join!({ payload: { duration: 12 } });
    expect(state.status).toBe('member');
    seen.listeners.rebalancing!({ payload: {} });
    expect(state.status).toBe('joining');
    seen.listeners.stop!({ payload: {} });
    expect(state.status).toBe('left');
  });
});

describe('an event handler that fails', () => {
  /** As Nest wires an @EventPattern handler: its proxy hands a failure to the RPC exception filter. */
  const nestHandler = (work: () => Promise<void>) =>
    new RpcProxy().create(
      work as never,
      {
        handle: (error: unknown, host: ArgumentsHost) => new BaseRpcExceptionFilter().catch(error, host),
      } as never,
    );
  const context = {} as KafkaContext;

  it('fails the delivery, so its chunk is not committed (Nest had turned the failure into an unread observable)', async () => {
    const server = new ClaimflowKafkaServer({
      kafka: fakeKafka().kafka,
      consumer: { groupId: 'g' },
      layout: { suffix: '.sfx', partitions: 1 },
    });
    server.addHandler(
      'fails.v1',
      nestHandler(() => Promise.reject(new Error('the dead letter was not taken'))),
      true,
    );
    server.addHandler(
      'works.v1',
      nestHandler(async () => undefined),
      true,
    );
    await expect(server.handleEvent('fails.v1.sfx', { pattern: 'fails.v1.sfx', data: {} }, context)).rejects.toThrow('failed');
    await expect(server.handleEvent('works.v1.sfx', { pattern: 'works.v1.sfx', data: {} }, context)).resolves.toBeUndefined();
  });
});
