import { Inject, Injectable } from '@nestjs/common';
import { buildDenialPatterns, distinctStrategies, monthKey, type DenialPatternsAnswer } from '@claimflow/domain';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config/feedback.config';
import { PatternCountsRepository, type CountScope } from '../persistence/pattern-counts.repository';
import type { PatternFiltersQuery } from './denial-patterns.query';

const MAX_STRATEGIES = 10;

/** Reads the counters of one code (and, under filters, the unfiltered ones too) and publishes only safe figures. */
@Injectable()
export class DenialPatternsHandler {
  constructor(
    private readonly counts: PatternCountsRepository,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  async get(code: string, filters: PatternFiltersQuery): Promise<DenialPatternsAnswer> {
    const scope: CountScope = {
      code,
      state: filters.state,
      payerType: filters.payerType,
      fromMonth: filters.from ? monthKey(filters.from) : undefined,
      toMonth: filters.to ? monthKey(filters.to) : undefined,
    };
    const filtered = Object.values(filters).some((v) => v !== undefined);
    // The strategies are read alongside the counts (one round trip, not two) and dropped if the answer is withheld.
    const [counts, unfiltered, texts] = await Promise.all([
      this.counts.counts(scope),
      filtered ? this.counts.counts({ code }) : undefined,
      this.counts.strategies(scope),
    ]);
    const strategies = distinctStrategies(texts, MAX_STRATEGIES);
    return buildDenialPatterns({ code, threshold: this.config.FEEDBACK_MIN_CELL, filters, counts, unfiltered, strategies });
  }
}
