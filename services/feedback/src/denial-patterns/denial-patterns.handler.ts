import { Inject, Injectable } from '@nestjs/common';
import type { PatternPublication } from '@claimflow/contracts';
import { anonymityGuarantee, viewKey, type DenialPatternsAnswer } from '@claimflow/domain';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config/feedback.config';
import { PatternPublicationRepository } from '../persistence/pattern-publication.repository';
import { PATTERN_ROUNDING } from '../publish-patterns/pattern-publisher';
import { viewFilterOf, type PatternFiltersQuery } from './denial-patterns.query';

/** The answer of GET /v1/denial-patterns/publication, as the contract describes it. */
export type PublicationStatus = PatternPublication;

/** Serves the last publication: one stored view, or the same "not enough reports" answer for anything not published. */
@Injectable()
export class DenialPatternsHandler {
  constructor(
    private readonly publication: PatternPublicationRepository,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  async get(code: string, filters: PatternFiltersQuery): Promise<DenialPatternsAnswer> {
    const [view, asOf] = await Promise.all([this.publication.view(code, viewKey(viewFilterOf(filters))), this.publication.publishedAsOf()]);
    const base = {
      code,
      threshold: this.config.FEEDBACK_MIN_CELL,
      filters,
      guarantee: anonymityGuarantee(this.config.FEEDBACK_MIN_CELL),
      publishedAsOf: asOf?.toISOString() ?? null,
    };
    if (!view) return { status: 'insufficient', ...base, message: 'not enough reports to show patterns yet' };
    return { status: 'ok', ...base, rounding: PATTERN_ROUNDING, ...view };
  }

  async status(): Promise<PublicationStatus> {
    const asOf = await this.publication.publishedAsOf();
    return {
      publishedAsOf: asOf?.toISOString() ?? null,
      intervalSeconds: this.config.FEEDBACK_PUBLISH_INTERVAL / 1000,
      threshold: this.config.FEEDBACK_MIN_CELL,
      rounding: PATTERN_ROUNDING,
      guarantee: anonymityGuarantee(this.config.FEEDBACK_MIN_CELL),
    };
  }
}
