import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, PrismaHealthIndicator, PrismaModule, serviceInfrastructure, type LogStream } from '@claimflow/platform';
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
  static forRoot(config: FeedbackConfig, options: { logStream?: LogStream } = {}): DynamicModule {
    return {
      module: FeedbackModule,
      imports: [
        PrismaModule.forRoot(config.DATABASE_URL),
        AuthModule,
        ...serviceInfrastructure('feedback', config, {
          groupId: FEEDBACK_GROUP,
          readiness: [PrismaHealthIndicator],
          logStream: options.logStream,
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
