import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { traceIdOf } from '@claimflow/contracts';

/**
 * Structured JSON logs; the request id of an HTTP call is its correlation id when one is sent, and
 * the caller's W3C trace id (traceparent) is on every line logged for the request.
 */
export function structuredLogging(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      autoLogging: level === 'debug' || level === 'trace',
      genReqId: (req) => (req.headers['x-correlation-id'] as string | undefined) ?? crypto.randomUUID(),
      customProps: (req) => {
        const traceId = traceIdOf(req.headers.traceparent as string | undefined);
        return traceId ? { traceId } : {};
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.remoteAddress', 'req.remotePort', 'req.headers["user-agent"]'],
    },
  });
}
