import { createHmac, randomBytes } from 'node:crypto';
import type { FeedbackConfig } from '../config/feedback.config';

/** The server secret behind reporter hashes and record keys; never stored. Random per process outside production when unset. */
export class ReporterSecret {
  private readonly secret: Buffer;

  constructor(config: Pick<FeedbackConfig, 'FEEDBACK_REPORTER_SECRET'>) {
    this.secret = config.FEEDBACK_REPORTER_SECRET ? Buffer.from(config.FEEDBACK_REPORTER_SECRET) : randomBytes(32);
  }

  hmac(purpose: 'reporter' | 'reporter-owner' | 'record', input: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\u0000${input}`).digest('hex');
  }

  /** The stored reporter: the keyed hash of the key's owner, so all of an organisation's keys are one reporter. */
  reporterOf(owner: string): string {
    return this.hmac('reporter-owner', owner);
  }

  /** What reports stored before reporters were owners carry: the keyed hash of the sending key's id. */
  legacyReporterOfKey(keyId: string): string {
    return this.hmac('reporter', keyId);
  }

  /** A secret pseudo-random number in [0, 1) fixed per report, for the cell-key rounding. */
  recordKey(reportId: string): number {
    return parseInt(this.hmac('record', reportId).slice(0, 12), 16) / 2 ** 48;
  }
}
