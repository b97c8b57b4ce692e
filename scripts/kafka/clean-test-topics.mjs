// Deletes the topics tests and benchmarks left on the local broker: every name carrying a uniqueSuffix()
// (libs/testing: 8 base-36 characters of the time, then 8 hex), e.g. claims.priced.v2.flood-mxbmsgjy16146ef6.
// A full `npm test` leaves about 1,700 of them (16,000 partition directories, 6 GB), and a broker holding them
// ran the pipeline bench measurably slower. The services' own topics and real owners' topics never match.
// Usage: node scripts/kafka/clean-test-topics.mjs [--dry-run]
import { Kafka, logLevel } from 'kafkajs';
import { adminSecurity } from './credentials.mjs';

const TEST_SUFFIX = /(^|[.-])[0-9a-z]{8}[0-9a-f]{8}($|[.-])/;
/** Topics per DeleteTopics request: 100 is answered within the 30 s given below on this machine's broker. */
const CHUNK = 100;

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({ clientId: 'clean-test-topics', brokers, logLevel: logLevel.NOTHING, ...adminSecurity() });
const admin = kafka.admin();
await admin.connect();
try {
  const topics = (await admin.listTopics()).filter((t) => TEST_SUFFIX.test(t));
  if (process.argv.includes('--dry-run')) console.log(topics.join('\n'));
  else for (let i = 0; i < topics.length; i += CHUNK) await admin.deleteTopics({ topics: topics.slice(i, i + CHUNK), timeout: 30_000 });
  console.error(`[kafka] ${process.argv.includes('--dry-run') ? 'would delete' : 'deleted'} ${topics.length} test topics`);
} finally {
  await admin.disconnect();
}
