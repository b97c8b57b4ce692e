import { Module, type DynamicModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { refDataSettingsOf } from '@claimflow/refdata';
import { serviceInfrastructure, type LogStream } from '@claimflow/runtime';
import type { ValidatorConfig } from './config/validator.config';
import { CheckClaimHttpController } from './check-claim/check-claim.http.controller';
import { CheckPool } from './check-claim/check-pool';
import { ValidateClaimHandler } from './validate-claim/validate-claim.handler';
import { ValidateClaimHttpController } from './validate-claim/validate-claim.http.controller';
import { ValidateClaimKafkaController } from './validate-claim/validate-claim.kafka.controller';
import { httpEdge } from '@claimflow/http-edge';
import { ValidatorMetrics } from './validator.metrics';

export const VALIDATOR_GROUP = 'claimflow-validator';

@Module({})
export class ValidatorModule {
  static forRoot(config: ValidatorConfig, options: { logStream?: LogStream } = {}): DynamicModule {
    return {
      module: ValidatorModule,
      imports: serviceInfrastructure('validator', config, {
        edge: httpEdge,
        groupId: VALIDATOR_GROUP,
        openapi: openApiDocument('validator'),
        refdata: true,
        logStream: options.logStream,
        metrics: ValidatorMetrics,
      }),
      controllers: [ValidateClaimKafkaController, ValidateClaimHttpController, CheckClaimHttpController],
      providers: [
        ValidateClaimHandler,
        {
          provide: CheckPool,
          useFactory: () =>
            new CheckPool({
              size: config.CHECK_WORKERS,
              queue: config.CHECK_QUEUE,
              timeoutMs: config.CHECK_TIMEOUT_MS,
              refdata: refDataSettingsOf(config),
            }),
        },
      ],
    };
  }
}
