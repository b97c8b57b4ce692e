// Least privilege by ACL, created with the admin principal; idempotent (Kafka stores an ACL once however often it
// is created). Topic and group names carry test and tenant suffixes (TOPIC_SUFFIX), so patterns are PREFIXED on the
// base names. Every service may create the topics it reads or writes (so whichever starts first creates them with
// KAFKA_PARTITIONS partitions) and dead-letters what it cannot handle; web has no principal at all.
// Run by scripts/kafka.sh after every start (and by docker-compose's kafka-acls). Env: KAFKA_BROKERS, and
// KAFKA_CREDENTIALS_FILE or KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD / KAFKA_SSL_CA_FILE (credentials.mjs adminSecurity).
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { adminSecurity } from './credentials.mjs';

const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = kafkajs;

const DEAD_LETTER = 'claims.dead-letter.v1';
/**
 * principal -> what it reads, what it writes, its consumer group (the Nest transport's groupId). The claim pipeline
 * writes the compact v2 topics; each consumer still reads its v1 input, and each producer may still write its v1 output
 * (the service it replaces does until it stops), so a claim in flight during a rollover finishes (README, "Rolling over
 * to the v2 topics"; remove the v1 entries once v1 is drained). Patterns are prefixes, so claims.priced.v1 does not cover claims.priced.v2.
 */
export const SERVICE_ACCESS = {
  // claims.submitted.v1 as a prefix also covers the per-owner topics claims.submitted.v1.<owner>: only ingest reads them.
  ingest: {
    reads: ['claims.submitted.v1', 'claims.validated.v2', 'claims.priced.v2', 'claims.validated.v1', 'claims.priced.v1', DEAD_LETTER],
    // claims.results.v1 and .v2 as prefixes: each owner's results topic claims.results.v2.<owner> (or .v1. for an owner
    // not yet moved to the compact results), which only ingest writes.
    // claims.normalized.v1: the outbox rows written before the upgrade drain to v1 (remove once v1 is drained).
    writes: [
      'claims.normalized.v2',
      'claims.normalized.v1',
      DEAD_LETTER,
      'denial-reports.submitted.v1',
      'claims.results.v1',
      'claims.results.v2',
    ],
    group: 'claimflow-ingest',
  },
  validator: {
    reads: ['claims.normalized.v2', 'claims.normalized.v1'],
    writes: ['claims.validated.v2', 'claims.validated.v1', DEAD_LETTER],
    group: 'claimflow-validator',
  },
  pricing: {
    reads: ['claims.validated.v2', 'claims.validated.v1'],
    writes: ['claims.priced.v2', 'claims.priced.v1', DEAD_LETTER],
    group: 'claimflow-pricing',
  },
  feedback: { reads: ['denial-reports.submitted.v1'], writes: [DEAD_LETTER], group: 'claimflow-feedback' },
};

const allow = (principal, resourceType, resourceName, operation) => ({
  principal: `User:${principal}`,
  host: '*',
  resourceType,
  resourceName,
  resourcePatternType: ResourcePatternTypes.PREFIXED,
  operation,
  permissionType: AclPermissionTypes.ALLOW,
});

export function serviceAcls(access = SERVICE_ACCESS) {
  const { TOPIC, GROUP } = AclResourceTypes;
  const { READ, WRITE, CREATE } = AclOperationTypes;
  return Object.entries(access).flatMap(([principal, { reads, writes, group }]) => [
    ...reads.map((topic) => allow(principal, TOPIC, topic, READ)),
    ...writes.map((topic) => allow(principal, TOPIC, topic, WRITE)),
    ...[...new Set([...reads, ...writes])].map((topic) => allow(principal, TOPIC, topic, CREATE)),
    allow(principal, GROUP, group, READ),
  ]);
}

async function main() {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'claimflow-acls', brokers, logLevel: logLevel.WARN, ...adminSecurity() });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const acl = serviceAcls();
    await admin.createAcls({ acl });
    console.log(`${new Date().toISOString()} ${acl.length} ACLs in place for ${Object.keys(SERVICE_ACCESS).join(', ')}`);
  } finally {
    await admin.disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
