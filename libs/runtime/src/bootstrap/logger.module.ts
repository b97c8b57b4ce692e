import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { traceIdOf } from '@claimflow/contracts';

/** A pino destination: anything with write(line). */
export interface LogStream {
  write(line: string): unknown;
}

/**
 * Never logged: credentials, client addresses, request and response bodies, and the claim and
 * patient fields wherever an object carrying them is logged. Values are replaced, keys kept.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-claimflow-edge"]',
  'req.remoteAddress',
  'req.remotePort',
  'req.headers["user-agent"]',
  'req.body',
  'res.body',
  'body',
  'claim',
  'claims',
  'payload',
  '*.claim',
  '*.claims',
  '*.body',
  '*.payload',
  '*.diagnoses',
  '*.patient',
  '*.subscriber',
  '*.billingProvider',
  '*.renderingProvider',
  '*.referringProvider',
  '*.memberId',
  '*.birthDate',
  '*.dateOfBirth',
  '*.npi',
  '*.originalValueBase64',
];

/**
 * A request as logged: its id and method, never its URL or query (an id, a mistaken ?api_key= or anything else a
 * caller put there), its headers or its address. Every line of a request carries this (bound when it starts).
 */
export const requestForLog = (req: { readonly id?: unknown; readonly method?: string }) => ({ id: req.id, method: req.method });

/** The route template that answered (/v1/claims/:id), known once the request is done: the request line names it. */
const routeTemplate = (req: { route?: { path?: unknown } }): string => (typeof req.route?.path === 'string' ? req.route.path : 'unmatched');

/**
 * Structured JSON logs; the request id of an HTTP call is its correlation id when one is sent, and
 * the caller's W3C trace id (traceparent) is on every line logged for the request.
 */
export function structuredLogging(service: string, level: string, stream?: LogStream): DynamicModule {
  const options = {
    level,
    base: { service },
    autoLogging: level === 'debug' || level === 'trace',
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      (req.headers['x-correlation-id'] as string | undefined) ?? crypto.randomUUID(),
    customProps: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const traceId = traceIdOf(req.headers.traceparent as string | undefined);
      return traceId ? { traceId } : {};
    },
    serializers: { req: requestForLog },
    customSuccessObject: (req: object, _res: unknown, line: object) => ({ ...line, route: routeTemplate(req) }),
    customErrorObject: (req: object, _res: unknown, _error: unknown, line: object) => ({ ...line, route: routeTemplate(req) }),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return LoggerModule.forRoot({ pinoHttp: stream ? [options, stream] : options });
}
