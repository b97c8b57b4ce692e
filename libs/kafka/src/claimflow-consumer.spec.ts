import type { ConsumerConfig, Kafka } from 'kafkajs';
import { ClaimflowConsumer, LEAVE_GROUP_MS } from './claimflow-consumer';
import { ConsumerGroupState } from './consumer-group.state';

/** A kafkajs client whose consumer never finishes leaving its group: the broker frozen. */
function frozenKafka() {
  const made: ConsumerConfig[] = [];
  const consumer = {
    events: {},
    on: () => undefined,
    connect: async () => undefined,
    disconnect: () => new Promise<void>(() => undefined),
  };
  const kafka = { consumer: (config: ConsumerConfig) => (made.push(config), consumer) } as unknown as Kafka;
  return { kafka, made };
}

const consumerOf = (kafka: Kafka, patterns: string[], warnings: string[] = [], membership?: ConsumerGroupState) =>
  new ClaimflowConsumer({
    kafka,
    config: { groupId: 'g' },
    patterns,
    layout: { suffix: '.sfx', partitions: 1 },
    handle: async () => undefined,
    membership,
    logger: { log: () => undefined, warn: (message) => void warnings.push(message) },
  });

describe('ClaimflowConsumer', () => {
  afterEach(() => jest.useRealTimers());

  it('abandons a consumer that cannot leave its group within LEAVE_GROUP_MS, so the stop goes on', async () => {
    jest.useFakeTimers();
    const warnings: string[] = [];
    const consumer = consumerOf(frozenKafka().kafka, ['t'], warnings);
    await consumer.init();
    let closed = false;
    const closing = consumer.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(LEAVE_GROUP_MS - 1);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await closing;
    expect(warnings).toEqual([expect.stringContaining('consumer abandoned without leaving its group')]);
  });

  it('joins no group when it has nothing to consume, and readiness does not wait for one', async () => {
    const { kafka, made } = frozenKafka();
    const state = new ConsumerGroupState();
    state.expected = true;
    const consumer = consumerOf(kafka, [], [], state);
    await consumer.init();
    await consumer.start();
    await consumer.close();
    expect({ consumes: consumer.consumes, made: made.length, expected: state.expected }).toEqual({
      consumes: false,
      made: 0,
      expected: false,
    });
  });
});
