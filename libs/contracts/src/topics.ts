/** Every Kafka topic ClaimFlow uses. The version is part of the name: a breaking change is a new topic. */
export const TOPICS = {
  claimsSubmitted: 'claims.submitted.v1',
  claimsNormalized: 'claims.normalized.v1',
  claimsValidated: 'claims.validated.v1',
  claimsPriced: 'claims.priced.v1',
  claimsDeadLetter: 'claims.dead-letter.v1',
  denialReportsSubmitted: 'denial-reports.submitted.v1',
  refdataReleased: 'refdata.released.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];
