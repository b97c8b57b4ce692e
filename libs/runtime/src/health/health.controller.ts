import { Controller, Get, Inject, SetMetadata } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthIndicatorFunction } from '@nestjs/terminus';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Marks a controller whose routes are probes (a load balancer's health check): the HTTP edge never rate-limits them. */
export const PROBE_ROUTES = 'claimflow:probe-routes';

/** Never rate limited (PROBE_ROUTES): a load balancer's health check must not take a busy service out. */
@SetMetadata(PROBE_ROUTES, true)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: HealthIndicatorFunction[],
  ) {}

  @Get()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.checks);
  }
}
