import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { createTopicsLed, kafkaClientSecurity, startInfra, uniqueSuffix, type Infra } from '@claimflow/testing';

const ROOT = join(__dirname, '../../..');

/**
 * A producer in a process of its own whose kafkajs checksums each record batch one bit off: kafkajs's checksum
 * module, as loaded, is replaced in Node's module cache before kafkajs's record batch encoder requires it.
 */
const WRONG_CHECKSUM_PRODUCER = `
  const crcPath = require.resolve('kafkajs/src/protocol/recordBatch/crc32C');
  const right = require(crcPath);
  require.cache[crcPath].exports = (buffer) => (right(buffer) ^ 1) >>> 0;
  const { Kafka, logLevel } = require('kafkajs');
  const { topic, brokers, security } = JSON.parse(process.env.PROBE);
  const producer = new Kafka({ clientId: 'crc-wrong', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 }, ...security }).producer();
  producer.connect()
    .then(() => producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'x'.repeat(5000) }] }))
    // kafkajs wraps the broker's answer: retries: 0 still ends in KafkaJSNumberOfRetriesExceeded.
    .then(() => console.log('taken'), (error) => console.log((error.cause ?? error).type ?? error.name))
    .finally(() => producer.disconnect());
`;

/**
 * The broker checks each record batch's CRC-32C before it appends it, so every produce of every int spec checks the
 * checksum kafkajs takes from @node-rs/crc32 (patches/kafkajs+2.2.4.patch; the unit spec compares it with kafkajs's
 * own table). Shown both ways on the real broker: the patched kafkajs's batch is taken, one whose checksum is a bit
 * off is refused as corrupt.
 */
describe('record batch checksums on the broker', () => {
  let infra: Infra;
  beforeAll(async () => (infra = await startInfra()));
  afterAll(async () => infra?.stop());

  it("takes the patched kafkajs's batches and refuses one whose checksum is wrong", async () => {
    const topic = `test.crc32c${uniqueSuffix()}`;
    const brokers = infra.kafkaBrokers;
    const security = kafkaClientSecurity('admin', brokers);
    const kafka = new Kafka({ clientId: 'crc-right', brokers, logLevel: logLevel.NOTHING, ...security });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await createTopicsLed(admin, [topic], 1);
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'x'.repeat(5000) }] });
      await producer.disconnect();

      const env = { ...process.env, PROBE: JSON.stringify({ topic, brokers, security }) };
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', WRONG_CHECKSUM_PRODUCER], { cwd: ROOT, env, timeout: 30_000 });
      expect(stdout.trim()).toBe('CORRUPT_MESSAGE');
      // The patched producer's one message, and nothing of the refused batch.
      expect((await admin.fetchTopicOffsets(topic)).map((o) => o.high)).toEqual(['1']);
    } finally {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
