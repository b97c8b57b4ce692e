import { Injectable, Logger } from '@nestjs/common';
import { Counter, register } from 'prom-client';
import type { ClaimLifecycleErrorCode } from '@claimflow/domain';

const METRIC = 'claimflow_ingest_results_ignored_total';

/** One counter per process, however many Nest applications it hosts (tests run several). */
function counter(): Counter<'reason' | 'result'> {
  return (
    (register.getSingleMetric(METRIC) as Counter<'reason' | 'result'> | undefined) ??
    new Counter({ name: METRIC, help: 'Pipeline results the ledger did not apply, by reason', labelNames: ['reason', 'result'] })
  );
}

/** Results the lifecycle refused (unknown claim, already final, duplicate): logged with the reason and counted, never dropped silently. */
@Injectable()
export class IgnoredResults {
  private readonly logger = new Logger(IgnoredResults.name);
  private readonly counts = new Map<string, number>();
  private readonly metric = counter();

  record(reason: ClaimLifecycleErrorCode, result: string, claimId: string, status: string): void {
    const key = `${reason}:${result}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.metric.inc({ reason, result });
    // The claim id is ours (a UUID we assigned), not patient data.
    this.logger.log(`ignored ${result} for claim ${claimId}: ${reason} (ledger status ${status})`);
  }

  /** Counts so far in this process, keyed "reason:result". */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
