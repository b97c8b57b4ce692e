import { err, ok, type Result } from '@claimflow/domain';
import type { ReporterIdentity, ReporterProblem, ReporterResolver } from './reporter-identity.port';
import type { ReporterSecret } from './reporter-secret';

const CREDENTIAL = /^[\x21-\x7e]{16,200}$/;

/**
 * Temporary resolver until the API-key guard lands: the bearer token itself is the reporter's
 * credential, and the reporter id is HMAC-SHA256(FEEDBACK_REPORTER_SECRET, token). The merger swaps
 * the token for the guard's key id; Kafka producers send that key id in cf-reporter-key-id.
 */
export class BearerTokenReporterResolver implements ReporterResolver {
  constructor(private readonly secret: ReporterSecret) {}

  fromAuthorization(header: string | undefined): Result<ReporterIdentity, ReporterProblem> {
    if (!header) return err({ code: 'REPORTER_MISSING', message: 'sign in: send your reporter key as Authorization: Bearer <key>' });
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return err({ code: 'REPORTER_INVALID', message: 'Authorization must be "Bearer <key>"' });
    return this.fromKeyId(match[1]);
  }

  fromKeyId(keyId: string | undefined): Result<ReporterIdentity, ReporterProblem> {
    if (!keyId) return err({ code: 'REPORTER_MISSING', message: 'a report needs its reporter key' });
    if (!CREDENTIAL.test(keyId))
      return err({ code: 'REPORTER_INVALID', message: 'the reporter key must be 16 to 200 visible ASCII characters' });
    return ok({ reporterId: this.secret.hmac('reporter', keyId) });
  }
}
