import { randomBytes } from 'node:crypto';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type ITopicMetadata,
} from 'kafkajs';
import { KAFKA_OWNER } from '@claimflow/contracts';
import { readArgs } from '../args';
import { withSubcommands, type CliCommand, type CliIo } from '../cli-command';
import { adminClientOptions, brokerAdmin, scramUsers, type BrokerAdmin } from './kafka-broker-admin';
import { ownerAcls, pmGroupPrefix, pmUser, topicsOf, type OwnerCredentials } from './kafka-owner-access';

const USAGE = `Usage:
  claimflow kafka-credentials create --owner OWNER [--json]
      Kafka credentials for a practice-management system of OWNER (the API-key owner: letters, digits, _ and -):
      the SCRAM-SHA-512 user pm.OWNER with a new random password (printed once, stored nowhere by ClaimFlow), the
      topics claims.submitted.v1.OWNER and claims.results.v1.OWNER, and LITERAL ACLs: write the first, read the
      second, consumer groups starting claimflow.pm.OWNER. and nothing else. Run it again to rotate: the new password
      replaces the old one (connections open with the old one keep working until they reconnect).
  claimflow kafka-credentials list [--json]
      Owners with Kafka credentials: user, topics, ACLs.
  claimflow kafka-credentials revoke --owner OWNER
      Deletes the SCRAM user and every ACL of its principal at once; its topics stay (nothing is lost).
The broker's admin principal signs in from KAFKA_CREDENTIALS_FILE (default .kafka/credentials.json, written by
scripts/kafka.sh); also KAFKA_BROKERS, KAFKA_PUBLIC_BROKERS (what the PM system is told), TOPIC_SUFFIX, KAFKA_PARTITIONS
(12) and KAFKA_LIBS (the broker's jars: SCRAM users are created through the Java admin client, KIP-554).`;

async function withAdmin<T>(a: BrokerAdmin, work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: 'claimflow-cli', logLevel: logLevel.NOTHING, ...adminClientOptions(a) }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Until every partition of the topics has a leader. A new topic's metadata lags its creation on the secured broker
 * (kafkajs's own waitForLeaders fails at once with "does not host this topic-partition"); 30 s is far beyond the
 * second or so it takes on the demo broker.
 */
async function untilLed(admin: ReturnType<Kafka['admin']>, names: readonly string[], deadline = Date.now() + 30_000): Promise<void> {
  for (;;) {
    const { topics } = await admin.fetchTopicMetadata({ topics: [...names] }).catch(() => ({ topics: [] as ITopicMetadata[] }));
    if (topics.length === names.length && topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    if (Date.now() > deadline) throw new Error(`kafka-credentials: the topics ${names.join(', ')} have no leader yet; run create again`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function ownerArg(args: readonly string[], io: CliIo, verb: string, extra: Record<string, { type: 'boolean' }> = {}) {
  const a = readArgs(args, { owner: { type: 'string' }, ...extra });
  if (!a.ok || !a.values.owner) {
    io.err(a.ok ? `kafka-credentials ${verb}: --owner is required` : a.message);
    io.err(USAGE);
    return undefined;
  }
  if (!KAFKA_OWNER.test(a.values.owner)) {
    io.err(`kafka-credentials ${verb}: --owner must be 1-80 letters, digits, _ or - (it is part of the topic names)`);
    return undefined;
  }
  return { owner: a.values.owner, json: Boolean((a.values as Record<string, unknown>).json) };
}

async function create(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = ownerArg(args, io, 'create', { json: { type: 'boolean' } });
  if (!parsed) return 2;
  const { owner } = parsed;
  const a = brokerAdmin();
  const topics = topicsOf(a, owner);
  // 256 random bits; SCRAM stores only a salted, iterated hash of it on the broker.
  const password = randomBytes(32).toString('base64url');
  await scramUsers(a, ['upsert', pmUser(owner)], password);
  await withAdmin(a, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = Object.values(topics).filter((t) => !existing.has(t));
    if (missing.length > 0) await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: a.partitions })) });
    await untilLed(admin, Object.values(topics));
    await admin.createAcls({ acl: ownerAcls(owner, topics) });
  });
  const answer: OwnerCredentials = {
    owner,
    brokers: a.publicBrokers,
    sasl: { mechanism: a.mechanism, username: pmUser(owner), password },
    ssl: { ca: a.caPem },
    topics,
    consumerGroupPrefix: pmGroupPrefix(owner),
  };
  if (parsed.json) io.out(JSON.stringify(answer));
  else {
    io.out(`Kafka credentials for owner ${owner}: user ${answer.sasl.username} (SCRAM-SHA-512 over TLS) on ${answer.brokers.join(',')}.`);
    io.out(`Password (shown once, store it now): ${password}`);
    io.out(`Publish claims on ${topics.submit}; read results from ${topics.results} in a group starting ${answer.consumerGroupPrefix}`);
    io.out('The CA certificate to trust: --json prints it (ssl.ca).');
  }
  return 0;
}

/** kafkajs's ACL enums are plain objects: the name of a value. */
const nameOf = (values: object, value: number) => Object.entries(values).find(([, v]) => v === value)?.[0] ?? String(value);

async function describe(a: BrokerAdmin, owner: string) {
  const { resources } = await withAdmin(a, (admin) =>
    admin.describeAcls({
      principal: `User:${pmUser(owner)}`,
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    }),
  );
  const acls = resources.flatMap((r) =>
    r.acls.map((acl) => `${nameOf(AclOperationTypes, acl.operation)} ${nameOf(AclResourceTypes, r.resourceType)}:${r.resourceName}`),
  );
  return { owner, username: pmUser(owner), topics: topicsOf(a, owner), acls: acls.sort() };
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const a0 = readArgs(args, { json: { type: 'boolean' } });
  if (!a0.ok) return (io.err(a0.message), 2);
  const a = brokerAdmin();
  const users = (await scramUsers(a, ['list'])).split('\n').filter((u) => u.startsWith('pm.'));
  const owners = await Promise.all(users.map((u) => describe(a, u.slice('pm.'.length))));
  if (a0.values.json) return (io.out(JSON.stringify(owners)), 0);
  if (owners.length === 0) io.out('No owners have Kafka credentials.');
  for (const o of owners) io.out(`${o.owner}  user=${o.username}  ${o.topics.submit}  ${o.topics.results}  acls=${o.acls.join('; ')}`);
  return 0;
}

async function revoke(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = ownerArg(args, io, 'revoke');
  if (!parsed) return 2;
  const a = brokerAdmin();
  const user = pmUser(parsed.owner);
  if (!(await scramUsers(a, ['list'])).split('\n').includes(user)) {
    io.err(`kafka-credentials revoke: owner ${parsed.owner} has no Kafka credentials`);
    return 1;
  }
  // The user first: from now on its password signs nobody in; then everything its principal was allowed.
  await scramUsers(a, ['delete', user]);
  const deleted = await withAdmin(a, (admin) =>
    admin.deleteAcls({
      filters: [
        {
          principal: `User:${user}`,
          resourceType: AclResourceTypes.ANY,
          resourcePatternType: ResourcePatternTypes.ANY,
          operation: AclOperationTypes.ANY,
          permissionType: AclPermissionTypes.ANY,
        },
      ],
    }),
  );
  const count = deleted.filterResponses.reduce((n, r) => n + r.matchingAcls.length, 0);
  io.out(`Revoked the Kafka credentials of ${parsed.owner}: user ${user} deleted, ${count} ACL(s) removed; its topics stay.`);
  return 0;
}

export const kafkaCredentialsCommand: CliCommand = withSubcommands(
  {
    name: 'kafka-credentials',
    summary: "create, list and revoke a PM system's Kafka credentials (SCRAM user, its two topics, their ACLs)",
    usage: USAGE,
  },
  { create, list, revoke },
);
