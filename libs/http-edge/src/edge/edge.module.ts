import { Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AUTH_LIMITS, type AuthLimits } from '../auth/failed-auth.limiter';
import type { EdgeConfig } from '@claimflow/runtime';
import { EdgeThrottlerGuard, PUBLIC_CHECK, keyTracker } from './edge-throttler.guard';

const isPublicCheck = (context: ExecutionContext): boolean =>
  context.getType() === 'http' && Reflect.getMetadata(PUBLIC_CHECK, context.getHandler()) === true;

/** Rate limits for every HTTP route of a service. */
@Module({})
export class EdgeModule {
  static forRoot(config: EdgeConfig): DynamicModule {
    const ttl = config.RATE_LIMIT_WINDOW_MS;
    return {
      module: EdgeModule,
      // Global: the API-key guard (AuthModule) reads the failed-authentication limit from here.
      global: true,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'address', ttl, limit: config.RATE_LIMIT_PER_ADDRESS },
            {
              name: 'key',
              ttl,
              limit: config.RATE_LIMIT_PER_KEY,
              getTracker: (req) => keyTracker(req as { headers: Record<string, string | undefined> }),
              skipIf: (context) => context.getType() !== 'http' || keyTracker(context.switchToHttp().getRequest()) === '',
            },
            { name: 'check', ttl, limit: config.RATE_LIMIT_PUBLIC_CHECK, skipIf: (context) => !isPublicCheck(context) },
          ],
        }),
      ],
      providers: [
        { provide: APP_GUARD, useClass: EdgeThrottlerGuard },
        { provide: AUTH_LIMITS, useValue: { failuresPerAddress: config.AUTH_FAILURES_PER_ADDRESS, windowMs: ttl } satisfies AuthLimits },
      ],
      exports: [AUTH_LIMITS],
    };
  }
}
