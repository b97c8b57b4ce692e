import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TerminusModule, type HealthIndicatorFunction } from '@nestjs/terminus';
import { HealthController, READINESS_CHECKS } from './health.controller';

export interface ReadinessCheck {
  check(): Promise<unknown>;
}

/** /health (liveness) and /health/ready (every given indicator must be up). */
@Module({})
export class HealthModule {
  static forIndicators(indicators: Type<ReadinessCheck>[]): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: indicators,
          useFactory: (...instances: ReadinessCheck[]): HealthIndicatorFunction[] => instances.map((i) => () => i.check() as never),
        },
      ],
    };
  }
}
