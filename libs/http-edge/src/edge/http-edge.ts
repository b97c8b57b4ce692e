import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { edgeConfigProblems, type EdgeConfig } from '@claimflow/runtime';
import { admissionControl } from './admission-control';
import { clientAddressMiddleware } from './client-address';
import { correlationIdProblem } from './correlation-id';
import { writeProblem } from '../problem/problem';
import { credentialChecks } from './request-checks';

/**
 * helmet's defaults, except that HSTS and upgrade-insecure-requests are sent only when the deployment says it is
 * served over TLS: on plain HTTP (a clinic's http://<host name>:3000) they would make browsers refuse every script.
 */
export function helmetOptions(servedOverTls: boolean): Parameters<typeof helmet>[0] {
  if (servedOverTls) return {};
  return { hsts: false, contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };
}

/**
 * The HTTP edge, before any body is read: security headers (helmet), no X-Powered-By, CORS only for
 * configured origins, no credentials in URLs and one Authorization header at most, the client address (socket, one load balancer, or web vouching with EDGE_SECRET),
 * bounded correlation ids and time limits, and at most ADMISSION_LIMIT requests in flight (503 OVERLOADED beyond). Header sizes are bounded by Node's HTTP parser (16 KB in all; more is a 431).
 */
export function applyHttpEdge(app: NestExpressApplication, config: EdgeConfig & { readonly NODE_ENV: string }): void {
  const problems = edgeConfigProblems(config);
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY === 'false' ? false : config.TRUST_PROXY);
  app.use(helmet(helmetOptions(config.SERVED_OVER_TLS)));
  app.use(admissionControl(config.ADMISSION_LIMIT));
  app.use(clientAddressMiddleware(config.EDGE_SECRET));
  app.use(credentialChecks);
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
    writeProblem(res, 400, { code: 'CORRELATION_ID_INVALID', field: 'X-Correlation-Id', message: problem });
  });
  const server = app.getHttpServer();
  server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(20_000, config.REQUEST_TIMEOUT_MS);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
}

/**
 * An idle keep-alive connection is closed by the client, never first by the service: Node's 5 s default raced
 * clients that reuse a connection idle ~4-5 s (undici keeps them 4 s; a load balancer such as AWS ALB 60 s), and the
 * request then met a closed socket (admission.int-spec under a retry flood: 173 of 2,077 attempts UND_ERR_SOCKET).
 * 65 s outlives both; an idle connection costs a file descriptor and a few KB.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
