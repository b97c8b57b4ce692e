import { RecordKeys } from '@claimflow/platform';
import type { FeedbackConfig } from '../config/feedback.config';

/**
 * The server secret behind reporter hashes and record keys (the shared RecordKeys of libs/platform);
 * never stored. Random per process outside production when unset.
 */
export class ReporterSecret extends RecordKeys {
  constructor(config: Pick<FeedbackConfig, 'FEEDBACK_REPORTER_SECRET'>) {
    super(config.FEEDBACK_REPORTER_SECRET);
  }
}
