import { TOPICS } from '@claimflow/contracts';
import { BATCHING_CONCURRENCY, describeService } from '@claimflow/platform';
import { ValidatorConfigSchema } from './config/validator.config';
import { VALIDATOR_GROUP, ValidatorModule } from './validator.module';

export const VALIDATOR_SERVICE = describeService({
  name: 'validator',
  schema: ValidatorConfigSchema,
  module: (config, options) => ValidatorModule.forRoot(config, options),
  groupId: VALIDATOR_GROUP,
  consumes: [TOPICS.claimsNormalized],
  concurrency: BATCHING_CONCURRENCY,
});
