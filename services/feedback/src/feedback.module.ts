import { Module, type DynamicModule } from '@nestjs/common';
import { FeedbackDb } from '@claimflow/db-feedback';
import { PrismaHealthIndicator, PrismaModule, serviceInfrastructure } from '@claimflow/platform';
import { FEEDBACK_CONFIG, type FeedbackConfig } from './config/feedback.config';
import { DenialPatternsHandler } from './denial-patterns/denial-patterns.handler';
import { DenialPatternsHttpController } from './denial-patterns/denial-patterns.http.controller';
import { DenialReportRepository } from './persistence/denial-report.repository';
import { PatternPublicationRepository } from './persistence/pattern-publication.repository';
import { PatternPublisher } from './publish-patterns/pattern-publisher';
import { BearerTokenReporterResolver } from './reporter/bearer-token.reporter-resolver';
import { REPORTER_RESOLVER } from './reporter/reporter-identity.port';
import { ReporterSecret } from './reporter/reporter-secret';
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
        PrismaModule.forClients(config.DATABASE_URL, [FeedbackDb]),
        ...serviceInfrastructure('feedback', config, { groupId: FEEDBACK_GROUP, readiness: [PrismaHealthIndicator] }),
      ],
      controllers: [SubmitDenialReportHttpController, SubmitDenialReportKafkaController, DenialPatternsHttpController],
      providers: [
        { provide: FEEDBACK_CONFIG, useValue: config },
        DenialReportRepository,
        PatternPublicationRepository,
        { provide: ReporterSecret, useFactory: () => new ReporterSecret(config) },
        {
          provide: REPORTER_RESOLVER,
          useFactory: (secret: ReporterSecret) => new BearerTokenReporterResolver(secret),
          inject: [ReporterSecret],
        },
        PatternPublisher,
        SubmitDenialReportHandler,
        DenialPatternsHandler,
      ],
    };
  }
}
