import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** Structured JSON logs; the request id of an HTTP call is its correlation id when one is sent. */
export function structuredLogging(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      autoLogging: level === 'debug' || level === 'trace',
      genReqId: (req) => (req.headers['x-correlation-id'] as string | undefined) ?? crypto.randomUUID(),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.remoteAddress', 'req.remotePort', 'req.headers["user-agent"]'],
    },
  });
}
