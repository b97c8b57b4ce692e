import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { EdgeConfig } from '../config/edge.config';
import { correlationIdProblem } from './correlation-id';

/**
 * The HTTP edge, before any body is read: security headers (helmet), no X-Powered-By, CORS only for
 * configured origins, client addresses from trusted proxies only, bounded correlation ids and time limits.
 * Header sizes are bounded by Node's HTTP parser (16 KB in all; more is a 431).
 */
export function applyHttpEdge(app: NestExpressApplication, config: EdgeConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY === 'false' ? false : config.TRUST_PROXY);
  app.use(helmet());
  if (config.CORS_ORIGINS.length > 0)
    app.enableCors({
      origin: [...config.CORS_ORIGINS],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-correlation-id', 'idempotency-key'],
      exposedHeaders: ['retry-after', 'www-authenticate'],
      maxAge: 600,
    });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const problem = correlationIdProblem(req.headers['x-correlation-id']);
    if (!problem) return next();
    res.status(400).json({ statusCode: 400, code: 'CORRELATION_ID_INVALID', field: 'X-Correlation-Id', message: problem });
  });
  const server = app.getHttpServer();
  server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(20_000, config.REQUEST_TIMEOUT_MS);
}
