import { Kafka, Partitioners, logLevel, type Consumer, type Producer } from 'kafkajs';
import { kafkaClientSecurity, startInfra, uniqueSuffix, waitFor, type Infra } from '../src';

// The broker from scripts/kafka.sh (or a testcontainer) with kafkajs 2.2.4, as the services use it.
describe('Kafka test infrastructure', () => {
  let infra: Infra;
  let producer: Producer;
  let consumer: Consumer;

  beforeAll(async () => (infra = await startInfra()));
  afterEach(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
  });
  afterAll(async () => infra?.stop());

  it('auto-creates a per-test topic, keeps key and headers, and delivers to a per-test consumer group', async () => {
    const suffix = uniqueSuffix();
    const topic = `test.claims.${suffix}`;
    const security = kafkaClientSecurity('admin', infra.kafkaBrokers);
    const kafka = new Kafka({ clientId: `infra-test-${suffix}`, brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING, ...security });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true });
    consumer = kafka.consumer({ groupId: `infra-test-${suffix}`, maxWaitTimeInMs: 100 });
    await producer.connect();
    // The first send to a new topic can race its creation; retrying it is what a real producer does.
    await waitFor(
      () =>
        producer.send({
          topic,
          messages: [
            { key: 'claim-1', value: JSON.stringify({ cpt: '77002', units: 1 }), headers: { 'x-correlation-id': `corr-${suffix}` } },
          ],
        }),
      { description: `first send to ${topic}`, timeoutMs: 20_000, intervalMs: 200 },
    );

    const received: { key: string; value: unknown; correlationId: string; partition: number }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        received.push({
          key: String(message.key),
          value: JSON.parse(String(message.value)),
          correlationId: String(message.headers?.['x-correlation-id']),
          partition,
        });
      },
    });

    const [only] = await waitFor(() => received.length > 0 && received, { description: `a message on ${topic}`, timeoutMs: 30_000 });
    expect(only).toEqual(expect.objectContaining({ key: 'claim-1', value: { cpt: '77002', units: 1 }, correlationId: `corr-${suffix}` }));

    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0].partitions).toHaveLength(3);
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  });
});
