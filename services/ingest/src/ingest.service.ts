import { TOPICS } from '@claimflow/contracts';
import { describeService } from '@claimflow/platform';
import { IngestConfigSchema } from './config/ingest.config';
import { INGEST_GROUP, IngestModule } from './ingest.module';

export const INGEST_SERVICE = describeService({
  name: 'ingest',
  schema: IngestConfigSchema,
  module: (config, options) => IngestModule.forRoot(config, options),
  groupId: INGEST_GROUP,
  consumes: [TOPICS.claimsSubmitted, TOPICS.claimsValidated, TOPICS.claimsPriced, TOPICS.claimsDeadLetter],
  bodyLimit: (config) => config.INGEST_MAX_BODY,
  parseText: false,
  parseJson: false,
});
