import {
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { HttpException, HttpStatus } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { clientAddressOf } from '../edge/client-address';
import { ApiKeyAuthenticator, type AuthFailure } from './api-key.authenticator';
import { AuditLog } from './audit.log';
import { FailedAuthLimiter } from './failed-auth.limiter';
import type { AuthenticatedRequest } from './caller.decorator';
import { REQUIRED_SCOPES, type Scope } from './scopes';

const MESSAGES: Record<AuthFailure, string> = {
  API_KEY_MISSING: 'send an API key as "Authorization: Bearer <key>"',
  // Unknown and revoked keys get the same answer; only the audit log tells them apart.
  API_KEY_INVALID: 'the API key is not valid',
  API_KEY_REVOKED: 'the API key is not valid',
};

const ERROR_PARAM: Record<AuthFailure, string> = {
  API_KEY_MISSING: 'Bearer realm="claimflow"',
  API_KEY_INVALID: 'Bearer realm="claimflow", error="invalid_token"',
  API_KEY_REVOKED: 'Bearer realm="claimflow", error="invalid_token"',
};

type HttpRequest = AuthenticatedRequest & {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  route?: { path?: string };
};
type HttpResponse = { setHeader(name: string, value: string): void };

/**
 * 401 (with WWW-Authenticate) without a valid key, 403 without the route's scopes, 429 once an address has failed
 * AUTH_FAILURES_PER_ADDRESS times in a window (before any lookup); every refusal is audited.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly audit: AuditLog,
    private readonly failures: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndMerge<Scope[]>(REQUIRED_SCOPES, [context.getHandler(), context.getClass()]);
    const http = context.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const action = `${req.method} ${req.route?.path ?? ''}`.trim();
    const correlationId = typeof req.headers['x-correlation-id'] === 'string' ? req.headers['x-correlation-id'] : undefined;
    const header = req.headers.authorization;
    const address = clientAddressOf(req);
    const wait = this.failures.retryAfterSeconds(address);
    if (wait > 0) {
      this.audit.record({ action, result: 'denied', reason: 'AUTH_FAILURES_LIMITED', correlationId });
      http.getResponse<HttpResponse>().setHeader('Retry-After', String(wait));
      throw new HttpException(
        { code: 'RATE_LIMITED', message: 'too many failed authentications from this address; retry after the time in Retry-After' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const result = await this.authenticator.authenticate(typeof header === 'string' ? header : undefined).catch(() => {
      // The key store (Postgres) is unreachable: a retryable 503, like any other write during an outage.
      http.getResponse<HttpResponse>().setHeader('Retry-After', '5');
      throw new ServiceUnavailableException({
        code: 'DATABASE_UNAVAILABLE',
        message: 'API keys cannot be checked right now; retry shortly',
      });
    });
    if (!result.ok) {
      const { reason, keyId, owner, keyPrefix } = result;
      this.failures.recordFailure(address);
      this.audit.record({ action, result: 'denied', reason, keyId, owner, keyPrefix, correlationId });
      http.getResponse<HttpResponse>().setHeader('WWW-Authenticate', ERROR_PARAM[result.reason]);
      const code = result.reason === 'API_KEY_REVOKED' ? 'API_KEY_INVALID' : result.reason;
      throw new UnauthorizedException({ code, message: MESSAGES[result.reason] });
    }
    const { caller } = result;
    const missing = required.filter((s) => !caller.scopes.includes(s));
    if (missing.length > 0) {
      this.audit.record({ action, result: 'denied', reason: 'SCOPE_MISSING', keyId: caller.keyId, owner: caller.owner, correlationId });
      throw new ForbiddenException({ code: 'SCOPE_MISSING', message: `this API key lacks the scope ${missing.join(', ')}` });
    }
    req.caller = caller;
    return true;
  }
}
