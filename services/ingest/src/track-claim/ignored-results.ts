import { Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { ClaimLifecycleErrorCode } from '@claimflow/domain';
import { METRIC_PREFIX } from '@claimflow/runtime';
import { IngestMetrics } from '../ingest.metrics';

const METRIC = `${METRIC_PREFIX}ingest_results_ignored_total`;

/** Results the lifecycle refused (unknown claim, already final, duplicate: true strays and duplicates only): logged with the reason and counted, never dropped silently. */
@Injectable()
export class IgnoredResults {
  private readonly logger = new Logger(IgnoredResults.name);
  private readonly counts = new Map<string, number>();
  private readonly metric: Counter<'reason' | 'result'>;

  /** Counted on the service's own registry, the one its /metrics serves (prom-client's global one is served by nobody). */
  constructor(metrics: IngestMetrics) {
    this.metric = new Counter({
      name: METRIC,
      help: 'Pipeline results the ledger did not apply (strays and duplicates), by reason',
      labelNames: ['reason', 'result'],
      registers: [metrics.registry],
    });
  }

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
