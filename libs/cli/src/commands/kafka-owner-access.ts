import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry } from 'kafkajs';
import { OWNER_TOPICS, ownerTopic } from '@claimflow/contracts';
import type { BrokerAdmin } from './kafka-broker-admin';

/** The SCRAM user of an owner's PM system; the prefix keeps owners apart from the services' principals. */
export const pmUser = (owner: string) => `pm.${owner}`;
/** Consumer groups an owner may use; the dot ends the owner (owners have none), so clinic never covers clinic-a. */
export const pmGroupPrefix = (owner: string) => `claimflow.pm.${owner}.`;

export function topicsOf(a: BrokerAdmin, owner: string) {
  return {
    submit: ownerTopic(OWNER_TOPICS.claimsSubmitted, owner) + a.suffix,
    results: ownerTopic(OWNER_TOPICS.claimResults, owner) + a.suffix,
  };
}

/** Exactly what an owner's principal may do: write its submit topic, read its results topic with its own groups. */
export function ownerAcls(owner: string, topics: { submit: string; results: string }): AclEntry[] {
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
    entry(AclResourceTypes.GROUP, pmGroupPrefix(owner), AclOperationTypes.READ, true),
  ];
}

/** What `kafka-credentials create --json` prints: everything a PM system needs to sign in and find its topics. */
export interface OwnerCredentials {
  readonly owner: string;
  readonly brokers: readonly string[];
  readonly sasl: { readonly mechanism: 'scram-sha-512'; readonly username: string; readonly password: string };
  readonly ssl: { readonly ca: string };
  readonly topics: { readonly submit: string; readonly results: string };
  readonly consumerGroupPrefix: string;
}
