import type { Result } from '@claimflow/domain';

/** Who submits a report, as stored: a keyed hash of the key's owner, never the key, its id or the owner's name. */
export interface ReporterIdentity {
  readonly reporterId: string;
}

export type ReporterProblem =
  { readonly code: 'REPORTER_MISSING'; readonly message: string } | { readonly code: 'REPORTER_INVALID'; readonly message: string };

/**
 * Resolves the reporter of a report from the API key that sent it: on HTTP the caller the auth guard
 * authenticated, on Kafka the key id in cf-reporter-key-id, looked up in keys.api_key. The reporter is
 * the key's owner (one organisation holding five keys is one biller towards k); what is stored is a
 * keyed hash of it.
 */
export interface ReporterResolver {
  /** HTTP: the guard has checked the key, that it is not revoked and that it has reports:submit. */
  fromCaller(caller: { readonly owner: string }): ReporterIdentity;
  /** Kafka: the header's key id must name a key that exists, is not revoked and has reports:submit. Throws when the key store fails. */
  fromKeyId(keyId: string | undefined): Promise<Result<ReporterIdentity, ReporterProblem>>;
}

export const REPORTER_RESOLVER = Symbol('REPORTER_RESOLVER');
