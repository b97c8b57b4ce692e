import { Controller, Get, Header, Headers, Inject, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { matchesSecret, secretDigest } from '../edge/client-address';
import { ServiceMetrics } from '@claimflow/runtime';

/** Who may scrape: anyone (development), the holder of METRICS_TOKEN, or nobody (production without a token). */
export interface MetricsAccess {
  readonly token?: string;
  readonly production?: boolean;
}

export const METRICS_ACCESS = Symbol('METRICS_ACCESS');

@Controller('metrics')
export class MetricsHttpController {
  private readonly digest: Buffer | null;

  constructor(
    private readonly metrics: ServiceMetrics,
    @Inject(METRICS_ACCESS) private readonly access: MetricsAccess,
  ) {
    this.digest = access.token ? secretDigest(`Bearer ${access.token}`) : null;
  }

  /** Prometheus text exposition format; with METRICS_TOKEN set, only for "Authorization: Bearer <token>". */
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (this.digest) {
      if (!matchesSecret(authorization, this.digest))
        throw new UnauthorizedException({
          code: 'METRICS_TOKEN_REQUIRED',
          message: 'send the scrape token as "Authorization: Bearer <token>"',
        });
    } else if (this.access.production) {
      // Counters tell an observer when others act (issue 25): no open /metrics in production.
      throw new NotFoundException({ code: 'ROUTE_NOT_FOUND', message: 'metrics are served only with METRICS_TOKEN set' });
    }
    return this.metrics.registry.metrics();
  }
}
