import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { PROBE_ROUTES } from '@claimflow/runtime';
import { clientAddressOf } from './client-address';

export const PUBLIC_CHECK = 'claimflow:public-check';

/** The edge's named throttlers (EdgeModule): per client address, per API key, and the public check. */
export const EDGE_THROTTLERS = ['address', 'key', 'check'] as const;

/** A route no limit applies to (/health: a load balancer's check must not take a busy service out). */
export const NeverThrottled = () => SkipThrottle(Object.fromEntries(EDGE_THROTTLERS.map((name) => [name, true])));

/** The bearer token's hash: the per-key limit counts a key wherever it is used, without keeping the key. */
export function keyTracker(req: { headers: Record<string, string | string[] | undefined> }): string {
  const auth = req.headers.authorization;
  const token = typeof auth === 'string' ? /^Bearer[ \t]+(\S+)/i.exec(auth)?.[1] : undefined;
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 32) : '';
}

/**
 * @nestjs/throttler for HTTP only (the Kafka handlers share the global guards): one count per client
 * address and one per API key across all routes, plus the tighter public-check limit; 429 with Retry-After.
 */
@Injectable()
export class EdgeThrottlerGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return super.canActivate(context);
  }

  /** The runtime's probes (/health) are never throttled, as if marked NeverThrottled. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Reflect.getMetadata(PROBE_ROUTES, context.getClass()) === true || super.shouldSkip(context);
  }

  /** The address the edge settled on (socket, one load balancer, or web vouching with EDGE_SECRET), never a bare X-Forwarded-For. */
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    return Promise.resolve(clientAddressOf(req));
  }

  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    // Per address and per key across the whole service; the public check per route.
    return name === 'check' ? `${name}:${context.getClass().name}.${context.getHandler().name}:${tracker}` : `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    throw new HttpException(
      { code: 'RATE_LIMITED', message: 'too many requests; retry after the time in Retry-After' },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
