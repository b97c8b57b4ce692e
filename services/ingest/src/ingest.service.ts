import { OWNER_TOPICS, ownerTopicPattern, TOPICS, TOPICS_V1 } from '@claimflow/contracts';
import { BATCHING_CONCURRENCY, describeService } from '@claimflow/runtime';
import { IngestConfigSchema } from './config/ingest.config';
import { INGEST_GROUP, IngestModule } from './ingest.module';
import { httpEdge } from '@claimflow/http-edge';

export const INGEST_SERVICE = describeService({
  edge: httpEdge,
  name: 'ingest',
  schema: IngestConfigSchema,
  module: (config, options) => IngestModule.forRoot(config, options),
  groupId: INGEST_GROUP,
  consumes: [
    ownerTopicPattern(OWNER_TOPICS.claimsSubmitted),
    TOPICS.claimsValidated,
    TOPICS.claimsPriced,
    TOPICS_V1.claimsValidated,
    TOPICS_V1.claimsPriced,
    TOPICS.claimsDeadLetter,
  ],
  concurrency: BATCHING_CONCURRENCY,
  bodyLimit: (config) => config.INGEST_MAX_BODY,
  holdBack: (config) => ({
    [TOPICS.claimsValidated]: config.INGEST_VALIDATION_HOLD_MS,
    [TOPICS_V1.claimsValidated]: config.INGEST_VALIDATION_HOLD_MS,
  }),
  parseText: false,
  parseJson: false,
});
