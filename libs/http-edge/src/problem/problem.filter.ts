import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import type { Request, Response } from 'express';
import { writeProblem, type Refusal } from './problem';
import { allowedMethods } from './unmatched-route';

/** Terminus's readiness answer (GET /health/ready, 503): a load balancer's probe keeps its own documented body. */
const isReadiness = (body: Refusal): boolean => typeof body.status === 'string' && typeof body.details === 'object';

/**
 * The one exception filter of every service (the HTTP edge installs it on every service): every HTTP error becomes RFC 9457
 * application/problem+json. ClaimFlow's own refusals keep their code; Nest's (unknown route, a method the path does
 * not take) get ROUTE_NOT_FOUND / METHOD_NOT_ALLOWED (with Allow) without echoing the URL; anything unexpected is
 * logged and answered 500 INTERNAL_ERROR without its message. Kafka handlers keep Nest's RPC behaviour.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');
  private readonly rpc = new BaseRpcExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return this.rpc.catch(exception, host);
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (res.headersSent) return void res.destroy();
    if (!(exception instanceof HttpException)) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.name) : 'a non-error was thrown');
      return writeProblem(res, 500, { code: 'INTERNAL_ERROR', message: 'an unexpected error occurred; it has been logged' });
    }
    const status = exception.getStatus();
    const answer = exception.getResponse();
    const body: Refusal = typeof answer === 'object' && answer !== null ? (answer as Refusal) : { message: String(answer) };
    if (isReadiness(body)) return void res.status(status).json(body);
    // Nest's own 404 when no handler took the request (its message quotes the URL, which is never echoed).
    if (status === 404 && body.message === `Cannot ${req.method} ${req.originalUrl}`) return this.unmatched(req, res);
    writeProblem(res, status, body);
  }

  /** No route answered: 405 with Allow when the path exists for other methods, else 404; the URL is never echoed. */
  private unmatched(req: Request, res: Response): void {
    const allowed = allowedMethods(req);
    if (allowed.length === 0)
      return writeProblem(res, 404, {
        code: 'ROUTE_NOT_FOUND',
        message: 'no route here; see /openapi.json for the routes this service has',
      });
    writeProblem(
      res,
      405,
      { code: 'METHOD_NOT_ALLOWED', message: `this path takes ${allowed.join(', ')}`, allowed },
      { allow: allowed.join(', ') },
    );
  }
}
