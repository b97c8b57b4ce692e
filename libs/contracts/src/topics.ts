/** Every shared Kafka topic ClaimFlow uses. The version is part of the name: a breaking change is a new topic. */
export const TOPICS = {
  claimsNormalized: 'claims.normalized.v2',
  claimsValidated: 'claims.validated.v2',
  claimsPriced: 'claims.priced.v2',
  claimsDeadLetter: 'claims.dead-letter.v1',
  denialReportsSubmitted: 'denial-reports.submitted.v1',
  refdataReleased: 'refdata.released.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * The claim pipeline's own topics, written and read by ClaimFlow's services only: their messages travel packed,
 * several of a partition to a Kafka record (README, "Packed records"), unless KAFKA_PACK_RECORDS is false.
 */
export const PACKED_TOPICS: readonly TopicName[] = [TOPICS.claimsNormalized, TOPICS.claimsValidated, TOPICS.claimsPriced];

/**
 * The claim pipeline's v1 topics, superseded by the compact v2 messages: consumers still read them so that a claim in
 * flight during a rollover finishes (README, "Rolling over to the v2 topics"); nothing writes them but ingest's outbox,
 * which drains the v1 rows written before it was upgraded. Remove once v1 is drained everywhere.
 */
export const TOPICS_V1 = {
  claimsNormalized: 'claims.normalized.v1',
  claimsValidated: 'claims.validated.v1',
  claimsPriced: 'claims.priced.v1',
} as const;

/**
 * The topics of one submitting owner, `<base>.<owner>` (e.g. claims.submitted.v1.clinic-a): the broker binds
 * them to the owner, whose principal alone may write its submit topic and read its results topic (LITERAL
 * ACLs created by `claimflow kafka-credentials create`). Ingest takes a claim's submitter from the topic's
 * name, never from a header or the body. There is no shared submit topic: claims.submitted.v1 itself is
 * not consumed.
 */
export const OWNER_TOPICS = {
  claimsSubmitted: 'claims.submitted.v1',
  claimResults: 'claims.results.v1',
  /**
   * The compact results (ClaimResult.v2): an owner's results go here once this topic exists (new owners get it;
   * `claimflow kafka-credentials upgrade-results` moves an owner from v1, README "Owners' results: v1 to v2").
   */
  claimResultsV2: 'claims.results.v2',
} as const;

export type OwnerTopicBase = (typeof OWNER_TOPICS)[keyof typeof OWNER_TOPICS];

/**
 * Owners that may have Kafka topics: letters, digits, _ and -. Kafka allows dots in topic names too, but the
 * owner must end at the first dot, where a test's TOPIC_SUFFIX begins; API-key owners with . : or @ can use HTTP only.
 */
export const KAFKA_OWNER = /^[A-Za-z0-9_-]{1,80}$/;

/** Stands for the owner in a handler's pattern: @EventPattern(ownerTopicPattern(OWNER_TOPICS.claimsSubmitted)). */
export const OWNER_PLACEHOLDER = '{owner}';

export const ownerTopic = (base: OwnerTopicBase, owner: string): string => `${base}.${owner}`;
export const ownerTopicPattern = (base: OwnerTopicBase): string => `${base}.${OWNER_PLACEHOLDER}`;
