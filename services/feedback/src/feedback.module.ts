import { Module, type DynamicModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { PrismaHealthIndicator, PrismaModule, serviceInfrastructure } from '@claimflow/platform';
import { FEEDBACK_CONFIG, type FeedbackConfig } from './config/feedback.config';
import { DenialPatternsHandler } from './denial-patterns/denial-patterns.handler';
import { DenialPatternsHttpController } from './denial-patterns/denial-patterns.http.controller';
import { DenialReportRepository } from './persistence/denial-report.repository';
import { PatternCountsRepository } from './persistence/pattern-counts.repository';
import { SubmitDenialReportHandler } from './submit-denial-report/submit-denial-report.handler';
import { SubmitDenialReportHttpController } from './submit-denial-report/submit-denial-report.http.controller';
import { SubmitDenialReportKafkaController } from './submit-denial-report/submit-denial-report.kafka.controller';

export const FEEDBACK_GROUP = 'claimflow-feedback';

@Module({})
export class FeedbackModule {
  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: FeedbackModule,
      imports: [
        PrismaModule.forRoot(config.DATABASE_URL),
        ...serviceInfrastructure('feedback', config, {
          groupId: FEEDBACK_GROUP,
          openapi: openApiDocument('feedback'),
          readiness: [PrismaHealthIndicator],
        }),
      ],
      controllers: [SubmitDenialReportHttpController, SubmitDenialReportKafkaController, DenialPatternsHttpController],
      providers: [
        { provide: FEEDBACK_CONFIG, useValue: config },
        DenialReportRepository,
        PatternCountsRepository,
        SubmitDenialReportHandler,
        DenialPatternsHandler,
      ],
    };
  }
}
