import { TOPICS, TOPICS_V1 } from '@claimflow/contracts';
import { BATCHING_CONCURRENCY, describeService } from '@claimflow/runtime';
import { ValidatorConfigSchema } from './config/validator.config';
import { VALIDATOR_GROUP, ValidatorModule } from './validator.module';
import { httpEdge } from '@claimflow/http-edge';

export const VALIDATOR_SERVICE = describeService({
  edge: httpEdge,
  name: 'validator',
  schema: ValidatorConfigSchema,
  module: (config, options) => ValidatorModule.forRoot(config, options),
  groupId: VALIDATOR_GROUP,
  consumes: [TOPICS.claimsNormalized, TOPICS_V1.claimsNormalized],
  concurrency: BATCHING_CONCURRENCY,
});
