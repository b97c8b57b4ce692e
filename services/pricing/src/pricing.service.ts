import { TOPICS, TOPICS_V1 } from '@claimflow/contracts';
import { BATCHING_CONCURRENCY, describeService } from '@claimflow/runtime';
import { PricingConfigSchema } from './config/pricing.config';
import { PRICING_GROUP, PricingModule } from './pricing.module';
import { httpEdge } from '@claimflow/http-edge';

export const PRICING_SERVICE = describeService({
  edge: httpEdge,
  name: 'pricing',
  schema: PricingConfigSchema,
  module: (config, options) => PricingModule.forRoot(config, options),
  groupId: PRICING_GROUP,
  consumes: [TOPICS.claimsValidated, TOPICS_V1.claimsValidated],
  concurrency: BATCHING_CONCURRENCY,
});
