import { Injectable } from '@nestjs/common';
import { err, ok, type Result } from '@claimflow/domain';
import { ApiKeyRepository, type ApiKeyRecord } from '@claimflow/http-edge';
import type { ReporterIdentity, ReporterProblem, ReporterResolver } from './reporter-identity.port';
import { ReporterSecret } from './reporter-secret';

/** Key ids are UUIDs (keys.api_key.id); anything else is refused before any lookup. */
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID: ReporterProblem = {
  code: 'REPORTER_INVALID',
  message: 'the reporter key id names no API key that is live and has the scope reports:submit',
};

/**
 * The rule for a reporter named on Kafka: a key that exists, is not revoked and has reports:submit.
 * One message for every refusal, so the dead-letter topic does not tell which key ids exist.
 */
export function reporterOwnerOf(
  keyId: string | undefined,
  key: Pick<ApiKeyRecord, 'owner' | 'scopes' | 'revokedAt'> | null,
): Result<string, ReporterProblem> {
  if (!keyId) return err({ code: 'REPORTER_MISSING', message: 'a report needs its reporter key id (cf-reporter-key-id)' });
  if (!key || key.revokedAt || !key.scopes.includes('reports:submit')) return err(INVALID);
  return ok(key.owner);
}

/**
 * The reporter is the owner of the API key that sent the report (the auth guard's caller on HTTP, the
 * key named by the cf-reporter-key-id header on Kafka), keyed-hashed with FEEDBACK_REPORTER_SECRET,
 * which is not in the database. Neither the key, its id nor its owner's name is stored.
 */
@Injectable()
export class ApiKeyReporterResolver implements ReporterResolver {
  constructor(
    private readonly secret: ReporterSecret,
    private readonly keys: ApiKeyRepository,
  ) {}

  fromCaller(caller: { readonly owner: string }): ReporterIdentity {
    return { reporterId: this.secret.reporterOf(caller.owner) };
  }

  async fromKeyId(keyId: string | undefined): Promise<Result<ReporterIdentity, ReporterProblem>> {
    const key = keyId && KEY_ID.test(keyId) ? await this.keys.findById(keyId.toLowerCase()) : null;
    const owner = reporterOwnerOf(keyId, key);
    return owner.ok ? ok(this.fromCaller({ owner: owner.value })) : owner;
  }
}
