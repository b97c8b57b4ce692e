import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { IngestConfigSchema } from './config/ingest.config';
import { INGEST_GROUP, IngestModule } from './ingest.module';

runService({
  name: 'ingest',
  schema: IngestConfigSchema,
  module: (config) => IngestModule.forRoot(config),
  groupId: INGEST_GROUP,
  bodyLimit: (config) => config.INGEST_MAX_BODY,
  parseText: false,
  parseJson: false,
});
