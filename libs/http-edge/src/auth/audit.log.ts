import { Injectable, Logger } from '@nestjs/common';

export interface AuditEvent {
  /** What was attempted, e.g. claim.read, claim.submit, key.use. */
  readonly action: string;
  readonly result: 'allowed' | 'denied' | 'not_found' | 'ok';
  readonly keyId?: string;
  readonly owner?: string;
  /** The first characters of a presented key that matched none (never more). */
  readonly keyPrefix?: string;
  /** A stable reason code for a refusal (API_KEY_INVALID, SCOPE_MISSING, ...). */
  readonly reason?: string;
  /** The resource touched (a claim id); never claim content. */
  readonly resource?: string;
  /** Several resources touched (the claims an 835 matched); ids only. */
  readonly resources?: readonly string[];
  /** How many resources an action touched (claims in a submission). */
  readonly count?: number;
  /** Named counts of what an action did (an 835: claims, unmatched, problems). */
  readonly counts?: Readonly<Record<string, number>>;
  /** Anonymous reports an action sent on (an 835 with ?contribute=true). */
  readonly contributed?: number;
  readonly correlationId?: string;
}

/**
 * Structured audit trail: one JSON log line per event, `audit: true` to filter on. Who (key id and
 * owner), what (action and resource id), when (the log time) and the result; never claim content.
 */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger('audit');

  record(event: AuditEvent): void {
    this.logger.log({ audit: true, ...event, at: new Date().toISOString() }, 'audit');
  }
}
