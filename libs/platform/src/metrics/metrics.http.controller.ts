import { Controller, Get, Header } from '@nestjs/common';
import { ClaimflowMetrics } from './claimflow-metrics';

@Controller('metrics')
export class MetricsHttpController {
  constructor(private readonly metrics: ClaimflowMetrics) {}

  /** Prometheus text exposition format. */
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
