// Proves kafkajs 2.2.4 works against the local broker: admin topic creation, keyed produce with headers,
// consume in a consumer group, over SASL_SSL as the admin principal. Usage: node scripts/kafka-smoke.mjs
// (KAFKA_BROKERS=127.0.0.1:9092 and KAFKA_CREDENTIALS_FILE=.kafka/credentials.json by default)
import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';
import { clientSecurity } from './kafka/credentials.mjs';

const { Kafka, Partitioners, logLevel } = kafkajs;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const suffix = randomUUID().slice(0, 8);
const topic = `smoke.${suffix}`;
const groupId = `smoke-${suffix}`;
const count = 5;
const timeoutMs = 60_000;

const kafka = new Kafka({ clientId: 'claimflow-smoke', brokers, logLevel: logLevel.WARN, ...clientSecurity('admin') });
const t0 = Date.now();
const ms = () => `${Date.now() - t0}ms`;

async function main() {
  const admin = kafka.admin();
  await admin.connect();
  const created = await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  console.log(`admin: created=${created} ${topic} partitions=${meta.topics[0].partitions.length} (${ms()})`);

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const messages = Array.from({ length: count }, (_, i) => ({
    key: `claim-${i}`,
    value: JSON.stringify({ n: i }),
    headers: { 'x-correlation-id': `corr-${i}`, 'x-schema': 'smoke.v1' },
  }));
  const sent = await producer.send({ topic, messages });
  console.log(`producer: sent ${count} to partitions ${sent.map((r) => r.partition).join(',')} (${ms()})`);

  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received = [];
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${received.length}/${count} messages within ${timeoutMs}ms`)), timeoutMs);
    consumer.run({
      eachMessage: async ({ partition, message }) => {
        received.push({ partition, key: message.key.toString(), headers: message.headers });
        if (received.length === count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await done;
  for (const m of received) {
    const corr = m.headers['x-correlation-id']?.toString();
    if (corr !== m.key.replace('claim', 'corr')) throw new Error(`header mismatch on ${m.key}: ${corr}`);
  }
  const groups = await admin.describeGroups([groupId]);
  console.log(`consumer: group ${groupId} ${groups.groups[0].state} received ${received.length} with headers intact (${ms()})`);

  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  console.log(`kafkajs smoke OK against ${brokers.join(',')} in ${ms()}`);
}

main().catch((err) => {
  console.error('kafkajs smoke FAILED:', err);
  process.exit(1);
});
