import { Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@claimflow/runtime';

/** The validator's own series, beside the shared ones (process, Kafka plumbing, reference data) and the HTTP edge's. */
@Injectable()
export class ValidatorMetrics extends ServiceMetrics {
  readonly edits = this.counter({
    name: 'validation_edits_total',
    help: 'Edits raised by the validator, by edit code and severity',
    labelNames: ['code', 'severity'] as const,
  });
}
