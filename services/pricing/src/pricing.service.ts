import { TOPICS } from '@claimflow/contracts';
import { BATCHING_CONCURRENCY, describeService } from '@claimflow/platform';
import { PricingConfigSchema } from './config/pricing.config';
import { PRICING_GROUP, PricingModule } from './pricing.module';

export const PRICING_SERVICE = describeService({
  name: 'pricing',
  schema: PricingConfigSchema,
  module: (config, options) => PricingModule.forRoot(config, options),
  groupId: PRICING_GROUP,
  consumes: [TOPICS.claimsValidated],
  concurrency: BATCHING_CONCURRENCY,
});
