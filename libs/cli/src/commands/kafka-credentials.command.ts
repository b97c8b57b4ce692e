import { randomBytes } from 'node:crypto';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { KAFKA_OWNER } from '@claimflow/contracts';
import { readArgs } from '../args';
import { withSubcommands, type CliCommand, type CliIo } from '../cli-command';
import { provision, withAdmin, type KafkaAdmin } from './kafka-admin-session';
import { brokerAdmin, scramUsers, type BrokerAdmin } from './kafka-broker-admin';
import { ownerAcls, pmGroupPrefix, pmUser, resultsTopicOf, resultsVersionOn, topicsOf, type OwnerCredentials } from './kafka-owner-access';

const USAGE = `Usage:
  claimflow kafka-credentials create --owner OWNER [--json]
      Kafka credentials for a practice-management system of OWNER (the API-key owner: letters, digits, _ and -):
      the SCRAM-SHA-512 user pm.OWNER with a new random password (printed once, stored nowhere by ClaimFlow), the
      topics claims.submitted.v1.OWNER and claims.results.v2.OWNER, and LITERAL ACLs: write the first, read the
      second, consumer groups starting claimflow.pm.OWNER. and nothing else. Run it again to rotate: the new password
      replaces the old one (connections open with the old one keep working until they reconnect). An owner whose
      results are still on claims.results.v1.OWNER keeps them there (upgrade-results moves it).
  claimflow kafka-credentials upgrade-results --owner OWNER
      Moves OWNER's results to the compact ClaimResult.v2: creates claims.results.v2.OWNER and lets pm.OWNER read it;
      ingest publishes there from then on (within a second). claims.results.v1.OWNER stays readable with what it holds.
  claimflow kafka-credentials list [--json]
      Owners with Kafka credentials: user, topics, ACLs.
  claimflow kafka-credentials revoke --owner OWNER
      Deletes the SCRAM user and every ACL of its principal at once; its topics stay (nothing is lost).
The broker's admin principal signs in from KAFKA_CREDENTIALS_FILE (default .kafka/credentials.json, written by
scripts/kafka.sh); also KAFKA_BROKERS, KAFKA_PUBLIC_BROKERS (what the PM system is told), TOPIC_SUFFIX, KAFKA_PARTITIONS
(12) and KAFKA_LIBS (the broker's jars: SCRAM users are created through the Java admin client, KIP-554).`;

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
  // 256 random bits; SCRAM stores only a salted, iterated hash of it on the broker.
  const password = randomBytes(32).toString('base64url');
  await scramUsers(a, ['upsert', pmUser(owner)], password);
  const { topics, resultsVersion } = await withAdmin(a, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const version = resultsVersionOn(existing, a, owner);
    const names = topicsOf(a, owner, version);
    // A moved owner keeps reading its v1 results topic, to drain it.
    const v1 = resultsTopicOf(a, owner, 'v1');
    await provision(admin, a, Object.values(names), ownerAcls(owner, names, version === 'v2' && existing.has(v1) ? [v1] : []));
    return { topics: names, resultsVersion: version };
  });
  const answer: OwnerCredentials = {
    owner,
    brokers: a.publicBrokers,
    sasl: { mechanism: a.mechanism, username: pmUser(owner), password },
    ssl: { ca: a.caPem },
    topics,
    resultsVersion,
    consumerGroupPrefix: pmGroupPrefix(owner),
  };
  if (parsed.json) io.out(JSON.stringify(answer));
  else {
    io.out(`Kafka credentials for owner ${owner}: user ${answer.sasl.username} (SCRAM-SHA-512 over TLS) on ${answer.brokers.join(',')}.`);
    io.out(`Password (shown once, store it now): ${password}`);
    io.out(
      `Publish claims on ${topics.submit}; read results (ClaimResult.${resultsVersion}) from ${topics.results} in a group starting ${answer.consumerGroupPrefix}`,
    );
    io.out('The CA certificate to trust: --json prints it (ssl.ca).');
  }
  return 0;
}

/** kafkajs's ACL enums are plain objects: the name of a value. */
const nameOf = (values: object, value: number) => Object.entries(values).find(([, v]) => v === value)?.[0] ?? String(value);

/** An owner's user, topics (its results version as the broker's topics show it) and ACLs, on one admin session. */
async function describe(a: BrokerAdmin, admin: KafkaAdmin, existing: ReadonlySet<string>, owner: string) {
  const { resources } = await admin.describeAcls({
    principal: `User:${pmUser(owner)}`,
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const acls = resources.flatMap((r) =>
    r.acls.map((acl) => `${nameOf(AclOperationTypes, acl.operation)} ${nameOf(AclResourceTypes, r.resourceType)}:${r.resourceName}`),
  );
  return { owner, username: pmUser(owner), topics: topicsOf(a, owner, resultsVersionOn(existing, a, owner)), acls: acls.sort() };
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const a0 = readArgs(args, { json: { type: 'boolean' } });
  if (!a0.ok) return (io.err(a0.message), 2);
  const a = brokerAdmin();
  const users = (await scramUsers(a, ['list'])).split('\n').filter((u) => u.startsWith('pm.'));
  // One admin session and one topic listing for every owner.
  const owners = await withAdmin(a, async (admin) => {
    const existing = new Set(await admin.listTopics());
    return Promise.all(users.map((u) => describe(a, admin, existing, u.slice('pm.'.length))));
  });
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

async function upgradeResults(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = ownerArg(args, io, 'upgrade-results');
  if (!parsed) return 2;
  const a = brokerAdmin();
  const { owner } = parsed;
  if (!(await scramUsers(a, ['list'])).split('\n').includes(pmUser(owner))) {
    io.err(`kafka-credentials upgrade-results: owner ${owner} has no Kafka credentials (create gives new owners v2 results)`);
    return 1;
  }
  const names = topicsOf(a, owner, 'v2');
  await withAdmin(a, (admin) => provision(admin, a, [names.results], ownerAcls(owner, names)));
  io.out(`${owner}'s results now go to ${names.results} (ClaimResult.v2); ${resultsTopicOf(a, owner, 'v1')} keeps what it holds.`);
  return 0;
}

export const kafkaCredentialsCommand: CliCommand = withSubcommands(
  {
    name: 'kafka-credentials',
    summary: "create, list and revoke a PM system's Kafka credentials (SCRAM user, its two topics, their ACLs)",
    usage: USAGE,
  },
  { create, list, revoke, 'upgrade-results': upgradeResults },
);
