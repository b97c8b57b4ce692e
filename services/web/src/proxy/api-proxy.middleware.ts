import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddressOf, writeProblem } from '@claimflow/http-edge';
import { WEB_CONFIG, type WebConfig } from '../config/web.config';
import { forwardRequest } from './forward-request';
import { serviceRoutes, upstreamDecision, type ServiceRoute } from './service-routes';

// Above the ingest service's longest ?wait= so that a waiting submission is never cut short here.
const UPSTREAM_TIMEOUT_MS = 60_000;

/**
 * /api/{ingest,validator,pricing,feedback}/v1/* -> the service; everything else goes on. Each forwarded request
 * counts against the visitor's address (RATE_LIMIT_PER_ADDRESS, @nestjs/throttler's storage) before a byte of its
 * body is read, so web passes on no more than one visitor may send.
 */
@Injectable()
export class ApiProxyMiddleware implements NestMiddleware {
  private readonly routes: readonly ServiceRoute[];

  constructor(
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {
    this.routes = serviceRoutes(config);
  }

  async use(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): Promise<void> {
    const decision = upstreamDecision(this.routes, req.originalUrl ?? req.url ?? '');
    if (decision.kind === 'none') return next();
    if (decision.kind === 'refuse') {
      const message = decision.status === 400 ? 'encoded dots, slashes and backslashes are not allowed in a path' : 'no such API path';
      return writeProblem(res, decision.status, { code: decision.code, message });
    }
    const { RATE_LIMIT_WINDOW_MS: ttl, RATE_LIMIT_PER_ADDRESS: limit } = this.config;
    const count = await this.storage.increment(`proxy:${clientAddressOf(req)}`, ttl, limit, ttl, 'address');
    if (count.isBlocked) {
      const retryAfter = String(Math.max(1, Math.ceil(count.timeToBlockExpire)));
      return writeProblem(
        res,
        429,
        { code: 'RATE_LIMITED', message: 'too many requests; retry after the time in Retry-After' },
        { 'retry-after': retryAfter },
      );
    }
    forwardRequest(req, res, decision.url, {
      service: decision.route.service,
      timeoutMs: UPSTREAM_TIMEOUT_MS,
      edgeSecret: this.config.EDGE_SECRET,
    });
  }
}
