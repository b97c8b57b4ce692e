import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { FeedbackConfigSchema } from './config/feedback.config';
import { FEEDBACK_GROUP, FeedbackModule } from './feedback.module';

runService({
  name: 'feedback',
  schema: FeedbackConfigSchema,
  module: (config) => FeedbackModule.forRoot(config),
  groupId: FEEDBACK_GROUP,
  bodyLimit: (config) => config.FEEDBACK_MAX_BODY,
});
