import type { ArgumentsHost } from '@nestjs/common';
import { BaseRpcExceptionFilter, type KafkaContext } from '@nestjs/microservices';
import { RpcProxy } from '@nestjs/microservices/context/rpc-proxy';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { ConsumerGroupState } from './consumer-group.state';
import { SuffixedServerKafka } from './suffixed-server-kafka';

/** The transport with the broker left out: messages "handled" are recorded, one may fail like a crash. */
class Probe extends SuffixedServerKafka {
  readonly handled: string[] = [];
  failAt?: string;

  /** Whether kafkajs would restart this server's consumer after a crash now. */
  restartsAfterCrash(): Promise<boolean> {
    return this.options.consumer!.retry!.restartOnFailure!(new Error('crash'));
  }

  override async handleMessage(payload: { message: KafkaMessage }): Promise<void> {
    if (payload.message.offset === this.failAt) throw new Error('process died');
    this.handled.push(payload.message.offset);
  }
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

async function consumerOf(server: Probe) {
  let eachBatch: ((payload: EachBatchPayload) => Promise<void>) | undefined;
  let runConfig: Record<string, unknown> = {};
  const listeners: Record<string, (e: { payload: Record<string, unknown> }) => void> = {};
  const consumer = {
    events: { GROUP_JOIN: 'join', REBALANCING: 'rebalancing', CRASH: 'crash', STOP: 'stop', DISCONNECT: 'disconnect' },
    on: (event: string, listener: (e: { payload: Record<string, unknown> }) => void) => void (listeners[event] = listener),
    run: async (config: Record<string, unknown> & { eachBatch: typeof eachBatch }) => {
      runConfig = config;
      eachBatch = config.eachBatch;
    },
  };
  // No broker: subscribing is the transport's business, not this test's.
  Object.assign(server, { subscribeWhenReady: async () => undefined });
  await server.bindEvents(consumer as unknown as Consumer);
  return { eachBatch: eachBatch!, runConfig, listeners };
}

function batchOf(count: number) {
  const resolved: string[] = [];
  let commits = 0;
  const messages = Array.from({ length: count }, (_, i) => message(i));
  const payload = {
    batch: { topic: 't', partition: 0, messages, lastOffset: () => String(count - 1) },
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: async () => undefined,
    commitOffsetsIfNecessary: async () => void commits++,
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved, commits: () => commits };
}

describe('SuffixedServerKafka', () => {
  const server = (state?: ConsumerGroupState) => {
    const probe = new Probe({ client: { brokers: ['127.0.0.1:1'] } }, { suffix: '.sfx', partitions: 1 }, { membership: state });
    probe.addHandler('t', async () => undefined, true);
    return probe;
  };

  it("handles every partition of the topics it consumes side by side with partitionsInParallel 'all'", async () => {
    const probe = new Probe({ client: { brokers: ['127.0.0.1:1'] } }, { suffix: '.sfx', partitions: 12, partitionsInParallel: 'all' });
    probe.addHandler('t', async () => undefined, true);
    probe.addHandler('u', async () => undefined, true);
    const { runConfig } = await consumerOf(probe);
    expect(runConfig).toMatchObject({ partitionsConsumedConcurrently: 24 });
  });

  it('shares one commit between chunks of several partitions that finish together, each committed before it returns', async () => {
    const probe = server();
    const { eachBatch } = await consumerOf(probe);
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
    const batches = Array.from({ length: 6 }, () => {
      const batch = batchOf(10);
      return { ...batch, payload: { ...batch.payload, commitOffsetsIfNecessary: commit } as EachBatchPayload };
    });
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

  it('lets kafkajs restart a crashed consumer until the server closes, never after', async () => {
    const probe = server();
    expect(await probe.restartsAfterCrash()).toBe(true);
    await probe.close();
    expect(await probe.restartsAfterCrash()).toBe(false);
  });

  it('commits a batch chunk by chunk, each once it is handled', async () => {
    const probe = server();
    const { eachBatch, runConfig } = await consumerOf(probe);
    expect(runConfig).toMatchObject({ eachBatchAutoResolve: false, autoCommitThreshold: 1 });
    const batch = batchOf(150);
    await eachBatch(batch.payload);
    expect(batch.resolved).toEqual(['63', '127', '149']);
    expect(batch.commits()).toBe(3);
    expect(probe.handled.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 150 }, (_, i) => String(i)));
  });

  it('after a crash mid-batch has committed only the chunks before it, so only the unfinished chunk is redelivered', async () => {
    const probe = server();
    probe.failAt = '100';
    const { eachBatch } = await consumerOf(probe);
    const batch = batchOf(150);
    await expect(eachBatch(batch.payload)).rejects.toThrow('process died');
    expect(batch.resolved).toEqual(['63']);
    expect(batch.commits()).toBe(1);
  });

  it('reports group membership to readiness', async () => {
    const state = new ConsumerGroupState();
    const { listeners } = await consumerOf(server(state));
    expect(state).toMatchObject({ expected: true, status: 'joining' });
    listeners.join!({ payload: { duration: 12 } });
    expect(state.status).toBe('member');
    listeners.rebalancing!({ payload: {} });
    expect(state.status).toBe('joining');
    listeners.stop!({ payload: {} });
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
    const server = new SuffixedServerKafka({ client: { brokers: ['127.0.0.1:1'] } }, { suffix: '.sfx', partitions: 1 });
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
