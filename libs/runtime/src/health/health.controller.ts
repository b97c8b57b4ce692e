import { Controller, Get, SetMetadata } from '@nestjs/common';
import { HealthCheck } from '@nestjs/terminus';
import { ReadinessMonitor } from './readiness-monitor';

/** Marks a controller whose routes are probes (a load balancer's health check): the HTTP edge never rate-limits them. */
export const PROBE_ROUTES = 'claimflow:probe-routes';

/** Never rate limited (PROBE_ROUTES): a load balancer's health check must not take a busy service out. */
@SetMetadata(PROBE_ROUTES, true)
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessMonitor) {}

  @Get()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.readiness.answer();
  }
}
