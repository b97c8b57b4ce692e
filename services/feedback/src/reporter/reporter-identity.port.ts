import type { Result } from '@claimflow/domain';

/** Who submits a report, as stored: a keyed hash, never the key, its owner or anything that names them. */
export interface ReporterIdentity {
  readonly reporterId: string;
}

export type ReporterProblem =
  { readonly code: 'REPORTER_MISSING'; readonly message: string } | { readonly code: 'REPORTER_INVALID'; readonly message: string };

/**
 * Resolves the reporter of a report from the id of the API key that sent it (the auth guard's caller
 * on HTTP, the cf-reporter-key-id header on Kafka); what is stored is a keyed hash of it.
 */
export interface ReporterResolver {
  fromKeyId(keyId: string | undefined): Result<ReporterIdentity, ReporterProblem>;
}

export const REPORTER_RESOLVER = Symbol('REPORTER_RESOLVER');
