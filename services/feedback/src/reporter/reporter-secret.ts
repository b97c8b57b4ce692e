import { RecordKeys } from '@claimflow/runtime';
import type { FeedbackConfig } from '../config/feedback.config';

/**
 * The server secret behind reporter hashes and record keys (the shared RecordKeys of libs/runtime);
 * never stored. Random per process outside production when unset.
 */
export class ReporterSecret extends RecordKeys {
  constructor(config: Pick<FeedbackConfig, 'FEEDBACK_REPORTER_SECRET'>) {
    super(config.FEEDBACK_REPORTER_SECRET);
  }

  /** The stored reporter: the keyed hash of the key's owner, so all of an organisation's keys are one reporter. */
  reporterOf(owner: string): string {
    return this.hmac('reporter-owner', owner);
  }

  /** What reports stored before reporters were owners carry: the keyed hash of the sending key's id. */
  legacyReporterOfKey(keyId: string): string {
    return this.hmac('reporter', keyId);
  }
}
