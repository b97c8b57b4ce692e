import { Module, type DynamicModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { serviceInfrastructure, type LogStream } from '@claimflow/runtime';
import type { PricingConfig } from './config/pricing.config';
import { FeeScheduleHttpController } from './fee-schedule/fee-schedule.http.controller';
import { PriceClaimHandler } from './price-claim/price-claim.handler';
import { PriceClaimKafkaController } from './price-claim/price-claim.kafka.controller';
import { httpEdge } from '@claimflow/http-edge';

export const PRICING_GROUP = 'claimflow-pricing';

@Module({})
export class PricingModule {
  static forRoot(config: PricingConfig, options: { logStream?: LogStream } = {}): DynamicModule {
    return {
      module: PricingModule,
      imports: serviceInfrastructure('pricing', config, {
        edge: httpEdge,
        groupId: PRICING_GROUP,
        openapi: openApiDocument('pricing'),
        refdata: true,
        logStream: options.logStream,
      }),
      controllers: [PriceClaimKafkaController, FeeScheduleHttpController],
      providers: [PriceClaimHandler],
    };
  }
}
