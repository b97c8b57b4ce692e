import type { Result } from '@claimflow/domain';

/** Who submits a report, as stored: a keyed hash, never the key, its owner or anything that names them. */
export interface ReporterIdentity {
  readonly reporterId: string;
}

export type ReporterProblem =
  { readonly code: 'REPORTER_MISSING'; readonly message: string } | { readonly code: 'REPORTER_INVALID'; readonly message: string };

/**
 * Resolves the reporter of a request from its credential (the Authorization header on HTTP, the
 * cf-reporter-key-id header on Kafka). The API-key guard's key id replaces the raw token here once
 * the credentials work lands; the stored hash stays an HMAC either way.
 */
export interface ReporterResolver {
  fromAuthorization(header: string | undefined): Result<ReporterIdentity, ReporterProblem>;
  fromKeyId(keyId: string | undefined): Result<ReporterIdentity, ReporterProblem>;
}

export const REPORTER_RESOLVER = Symbol('REPORTER_RESOLVER');
