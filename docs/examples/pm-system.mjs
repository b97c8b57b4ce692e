// A practice-management system on Kafka: publishes one claim on its owner's topic and prints the final result
// ClaimFlow sends back on its results topic. Run from the repository after `npm run demo` and
//   npx claimflow kafka-credentials create --owner clinic-a --json > clinic-a.json
//   node docs/examples/pm-system.mjs clinic-a.json
import { readFileSync } from 'node:fs';
import { Kafka, logLevel, Partitioners } from 'kafkajs';

const credentials = JSON.parse(readFileSync(process.argv[2] ?? 'clinic-a.json', 'utf8'));
const kafka = new Kafka({
  clientId: `pm-${credentials.owner}`,
  brokers: credentials.brokers,
  ssl: { ca: [credentials.ssl.ca] }, // TLS, trusting the CA the operator handed over
  sasl: credentials.sasl, // { mechanism: 'scram-sha-512', username, password }
  logLevel: logLevel.WARN,
});

// Any accepted format (canonical JSON, FHIR Claim/Bundle, X12 837P) with its content-type; the owner is the topic's.
const claim = JSON.parse(readFileSync('libs/domain/src/intake/__fixtures__/scenarios/lesi-62323-77003-pos11.json', 'utf8'));
claim.submitterClaimId = `PM-${Date.now()}`;

const consumer = kafka.consumer({ groupId: `${credentials.consumerGroupPrefix}results` });
await consumer.connect();
await consumer.subscribe({ topics: [credentials.topics.results] });
const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
const answered = new Promise((resolve) => {
  void consumer.run({
    eachMessage: async ({ message }) => {
      // ClaimResult.v2 (the cf-message-type header): GET /v1/claims/{id}'s answer without the claim, each edit once.
      const result = JSON.parse(message.value.toString());
      if (result.submitterClaimId === claim.submitterClaimId) resolve(result);
    },
  });
});
// Joined first: a new group starts at the end of the topic, so the result is published after it is in place.
await joined;

const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
await producer.send({
  topic: credentials.topics.submit,
  messages: [{ key: claim.submitterClaimId, value: JSON.stringify(claim), headers: { 'content-type': 'application/json' } }],
});
const result = await answered;
// Each edit names the claim's lines by their numbers; a line is denied when a deny edit names it.
const denied = new Set((result.result?.validation?.edits ?? []).filter((e) => e.severity === 'deny').flatMap((e) => e.lines));
const lines = claim.lines.map((l) => `${l.code}${denied.has(l.lineNumber) ? ' (denied)' : ''}`);
console.log(`${result.submitterClaimId} ${result.status}: ${lines.join(', ')}; allowed ${result.result?.pricing?.totals?.allowed ?? '-'}`);
await producer.disconnect();
await consumer.disconnect();
