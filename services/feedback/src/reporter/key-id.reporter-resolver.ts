import { err, ok, type Result } from '@claimflow/domain';
import type { ReporterIdentity, ReporterProblem, ReporterResolver } from './reporter-identity.port';
import type { ReporterSecret } from './reporter-secret';

const KEY_ID = /^[\x21-\x7e]{16,200}$/;

/**
 * The reporter is the API key that sent the report: its id (from the auth guard on HTTP, from the
 * cf-reporter-key-id header on Kafka) keyed-hashed with FEEDBACK_REPORTER_SECRET, which is not in the
 * database. Neither the key, its id nor its owner is stored.
 */
export class KeyIdReporterResolver implements ReporterResolver {
  constructor(private readonly secret: ReporterSecret) {}

  fromKeyId(keyId: string | undefined): Result<ReporterIdentity, ReporterProblem> {
    if (!keyId) return err({ code: 'REPORTER_MISSING', message: 'a report needs its reporter key' });
    if (!KEY_ID.test(keyId))
      return err({ code: 'REPORTER_INVALID', message: 'the reporter key id must be 16 to 200 visible ASCII characters' });
    return ok({ reporterId: this.secret.hmac('reporter', keyId) });
  }
}
