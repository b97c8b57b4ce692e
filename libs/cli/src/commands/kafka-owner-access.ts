import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry } from 'kafkajs';
import { OWNER_TOPICS, ownerTopic } from '@claimflow/contracts';
import type { BrokerAdmin } from './kafka-broker-admin';

/** The SCRAM user of an owner's PM system; the prefix keeps owners apart from the services' principals. */
export const pmUser = (owner: string) => `pm.${owner}`;
/** Consumer groups an owner may use; the dot ends the owner (owners have none), so clinic never covers clinic-a. */
export const pmGroupPrefix = (owner: string) => `claimflow.pm.${owner}.`;

/** Which results an owner gets: ClaimResult.v2 on claims.results.v2.<owner>, or v1 for an owner not moved yet. */
export type ResultsVersion = 'v1' | 'v2';

export const resultsTopicOf = (a: BrokerAdmin, owner: string, version: ResultsVersion) =>
  ownerTopic(version === 'v2' ? OWNER_TOPICS.claimResultsV2 : OWNER_TOPICS.claimResults, owner) + a.suffix;

/**
 * The owner's results version on the broker: v1 while it has claims.results.v1.<owner> and not yet the v2 topic
 * (an owner from before ClaimResult.v2, moved by `kafka-credentials upgrade-results`), else v2 (new owners too).
 */
export function resultsVersionOn(existing: ReadonlySet<string>, a: BrokerAdmin, owner: string): ResultsVersion {
  return existing.has(resultsTopicOf(a, owner, 'v1')) && !existing.has(resultsTopicOf(a, owner, 'v2')) ? 'v1' : 'v2';
}

export function topicsOf(a: BrokerAdmin, owner: string, results: ResultsVersion) {
  return { submit: ownerTopic(OWNER_TOPICS.claimsSubmitted, owner) + a.suffix, results: resultsTopicOf(a, owner, results) };
}

/**
 * Exactly what an owner's principal may do: write its submit topic, read its results topic (and `alsoRead`: the v1
 * results topic of a moved owner, to drain) with its own groups.
 */
export function ownerAcls(owner: string, topics: { submit: string; results: string }, alsoRead: readonly string[] = []): AclEntry[] {
  const entry = (resourceType: AclResourceTypes, resourceName: string, operation: AclOperationTypes, prefixed = false) => ({
    principal: `User:${pmUser(owner)}`,
    host: '*',
    resourceType,
    resourceName,
    resourcePatternType: prefixed ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  });
  return [
    entry(AclResourceTypes.TOPIC, topics.submit, AclOperationTypes.WRITE),
    entry(AclResourceTypes.TOPIC, topics.results, AclOperationTypes.READ),
    ...alsoRead.map((topic) => entry(AclResourceTypes.TOPIC, topic, AclOperationTypes.READ)),
    entry(AclResourceTypes.GROUP, pmGroupPrefix(owner), AclOperationTypes.READ, true),
  ];
}

/** What `kafka-credentials create --json` prints: everything a PM system needs to sign in and find its topics. */
export interface OwnerCredentials {
  readonly owner: string;
  readonly brokers: readonly string[];
  readonly sasl: { readonly mechanism: 'scram-sha-512'; readonly username: string; readonly password: string };
  readonly ssl: { readonly ca: string };
  /** results: claims.results.v2.<owner> (ClaimResult.v2), or .v1. for an owner not moved yet (resultsVersion). */
  readonly topics: { readonly submit: string; readonly results: string };
  readonly resultsVersion: ResultsVersion;
  readonly consumerGroupPrefix: string;
}
