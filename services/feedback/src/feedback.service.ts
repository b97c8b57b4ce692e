import { httpEdge } from '@claimflow/http-edge';
import { describeService } from '@claimflow/runtime';
import { FeedbackConfigSchema } from './config/feedback.config';
import { FEEDBACK_GROUP, FeedbackModule } from './feedback.module';

/** The feedback service, said once for main.ts, the harnesses and the benchmarks. */
export const FEEDBACK_SERVICE = describeService({
  name: 'feedback',
  schema: FeedbackConfigSchema,
  module: (config, options) => FeedbackModule.forRoot(config, options),
  edge: httpEdge,
  groupId: FEEDBACK_GROUP,
  bodyLimit: (config) => config.FEEDBACK_MAX_BODY,
});
