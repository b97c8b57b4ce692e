import { Module, type DynamicModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { FeedbackDb } from '@claimflow/db-feedback';
import { KeysDb } from '@claimflow/db-keys';
import { AuthModule, httpEdge } from '@claimflow/http-edge';
import { PrismaHealthIndicator, PrismaModule, serviceInfrastructure, type LogStream } from '@claimflow/runtime';
import { FEEDBACK_CONFIG, type FeedbackConfig } from './config/feedback.config';
import { DenialPatternsHandler } from './denial-patterns/denial-patterns.handler';
import { DenialPatternsHttpController } from './denial-patterns/denial-patterns.http.controller';
import { DenialReportRepository } from './persistence/denial-report.repository';
import { PatternPublicationRepository } from './persistence/pattern-publication.repository';
import { PatternPublisher } from './publish-patterns/pattern-publisher';
import { ReporterAttributionRepository } from './persistence/reporter-attribution.repository';
import { ApiKeyReporterResolver } from './reporter/api-key.reporter-resolver';
import { LegacyReporters } from './reporter/legacy-reporters';
import { REPORTER_RESOLVER } from './reporter/reporter-identity.port';
import { ReporterSecret } from './reporter/reporter-secret';
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
        PrismaModule.forClients(config.DATABASE_URL, [FeedbackDb, KeysDb]),
        AuthModule,
        ...serviceInfrastructure('feedback', config, {
          edge: httpEdge,
          groupId: FEEDBACK_GROUP,
          openapi: openApiDocument('feedback'),
          readiness: [PrismaHealthIndicator],
          logStream: options.logStream,
        }),
      ],
      controllers: [SubmitDenialReportHttpController, SubmitDenialReportKafkaController, DenialPatternsHttpController],
      providers: [
        { provide: FEEDBACK_CONFIG, useValue: config },
        DenialReportRepository,
        PatternPublicationRepository,
        { provide: ReporterSecret, useFactory: () => new ReporterSecret(config) },
        ApiKeyReporterResolver,
        { provide: REPORTER_RESOLVER, useExisting: ApiKeyReporterResolver },
        ReporterAttributionRepository,
        LegacyReporters,
        PatternPublisher,
        SubmitDenialReportHandler,
        DenialPatternsHandler,
      ],
    };
  }
}
