import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEB_CONFIG, type WebConfig } from '../config/web.config';
import { forwardRequest } from './forward-request';
import { serviceRoutes, upstreamUrl, type ServiceRoute } from './service-routes';

// Above the ingest service's longest ?wait= so that a waiting submission is never cut short here.
const UPSTREAM_TIMEOUT_MS = 60_000;

/** /api/{ingest,validator,pricing,feedback}/* -> the service; everything else goes on. */
@Injectable()
export class ApiProxyMiddleware implements NestMiddleware {
  private readonly routes: readonly ServiceRoute[];

  constructor(@Inject(WEB_CONFIG) config: WebConfig) {
    this.routes = serviceRoutes(config);
  }

  use(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void {
    const hit = upstreamUrl(this.routes, req.originalUrl ?? req.url ?? '');
    if (!hit) return next();
    forwardRequest(req, res, hit.url, hit.route.service, UPSTREAM_TIMEOUT_MS);
  }
}
