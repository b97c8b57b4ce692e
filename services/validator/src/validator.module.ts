import { Module, type DynamicModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { serviceInfrastructure } from '@claimflow/platform';
import type { ValidatorConfig } from './config/validator.config';
import { ValidateClaimHandler } from './validate-claim/validate-claim.handler';
import { ValidateClaimHttpController } from './validate-claim/validate-claim.http.controller';
import { ValidateClaimKafkaController } from './validate-claim/validate-claim.kafka.controller';

export const VALIDATOR_GROUP = 'claimflow-validator';

@Module({})
export class ValidatorModule {
  static forRoot(config: ValidatorConfig): DynamicModule {
    return {
      module: ValidatorModule,
      imports: serviceInfrastructure('validator', config, {
        groupId: VALIDATOR_GROUP,
        openapi: openApiDocument('validator'),
        refdata: true,
      }),
      controllers: [ValidateClaimKafkaController, ValidateClaimHttpController],
      providers: [ValidateClaimHandler],
    };
  }
}
