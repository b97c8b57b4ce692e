import { Module, type DynamicModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { LedgerDb } from '@claimflow/db-ledger';
import { KeysDb } from '@claimflow/db-keys';
import { AuthModule, httpEdge } from '@claimflow/http-edge';
import { PrismaHealthIndicator, PrismaModule, serviceInfrastructure, type LogStream } from '@claimflow/runtime';
import { IngestMetrics } from './ingest.metrics';
import { EventPublisher } from '@claimflow/kafka';
import { INGEST_CONFIG, type IngestConfig } from './config/ingest.config';
import { ClaimViewRepository } from './shared/claim-view/claim-view.repository';
import { ClaimViews } from './shared/claim-view/claim-views';
import { GetClaimHttpController } from './get-claim/get-claim.http.controller';
import { ClaimListRepository } from './list-claims/list-claims.repository';
import { ListClaimsHandler } from './list-claims/list-claims.handler';
import { ListClaimsHttpController } from './list-claims/list-claims.http.controller';
import { ClaimCompletions } from './ledger/claim-completions';
import { ClaimLedgerRepository } from './ledger/claim-ledger.repository';
import { EditAccuracyPublicationRepository } from './remittances/edit-accuracy-publication.repository';
import { EditAccuracyHandler } from './remittances/edit-accuracy.handler';
import { EditAccuracyPublisher } from './remittances/edit-accuracy.publisher';
import { EditAccuracyHttpController } from './remittances/edit-accuracy.http.controller';
import { RemittanceRepository } from './remittances/remittance.repository';
import { SubmitRemittanceHandler } from './remittances/submit-remittance.handler';
import { SubmitRemittanceHttpController } from './remittances/submit-remittance.http.controller';
import { DEFAULT_JANITOR_OPTIONS, LedgerJanitor } from './housekeeping/ledger-janitor';
import { LedgerRetentionRepository } from './housekeeping/ledger-retention.repository';
import { ClaimOutboxRepository } from './outbox/claim-outbox.repository';
import { OutboxRelay } from './outbox/outbox-relay';
import { ClaimResultOutboxRepository } from './publish-results/claim-result-outbox.repository';
import { claimResultsRelay } from './publish-results/claim-results.relay';
import { ClaimResultsStore } from './publish-results/claim-results.store';
import { ResultTopics } from './publish-results/result-topics';
import { SubmitClaimHandler } from './submit-claim/submit-claim.handler';
import { SubmitClaimHttpController } from './submit-claim/submit-claim.http.controller';
import { SubmitClaimKafkaController } from './submit-claim/submit-claim.kafka.controller';
import { IgnoredResults } from './track-claim/ignored-results';
import { TrackClaimHandler } from './track-claim/track-claim.handler';
import { TrackClaimKafkaController } from './track-claim/track-claim.kafka.controller';
import { SubmissionLedgerRepository } from './ledger/submission-ledger.repository';
import { SubmissionsRepository } from './submissions/submissions.repository';
import { SubmissionsHandler } from './submissions/submissions.handler';
import { SubmissionsHttpController } from './submissions/submissions.http.controller';
import { AcknowledgmentsRepository } from './acknowledgments/acknowledgments.repository';
import { AcknowledgmentsHandler } from './acknowledgments/acknowledgments.handler';
import { AcknowledgmentsHttpController } from './acknowledgments/acknowledgments.http.controller';
import { WEBHOOK_CONTROLLERS, WEBHOOK_PROVIDERS } from './webhooks/webhooks.providers';

export const INGEST_GROUP = 'claimflow-ingest';

@Module({})
export class IngestModule {
  static forRoot(config: IngestConfig, options: { logStream?: LogStream } = {}): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        PrismaModule.forClients(config.DATABASE_URL, [LedgerDb, KeysDb]),
        AuthModule,
        ...serviceInfrastructure('ingest', config, {
          edge: httpEdge,
          groupId: INGEST_GROUP,
          openapi: openApiDocument('ingest'),
          readiness: [PrismaHealthIndicator],
          logStream: options.logStream,
          metrics: IngestMetrics,
        }),
      ],
      controllers: [
        SubmitClaimHttpController,
        ListClaimsHttpController,
        GetClaimHttpController,
        SubmitRemittanceHttpController,
        EditAccuracyHttpController,
        SubmitClaimKafkaController,
        TrackClaimKafkaController,
        SubmissionsHttpController,
        AcknowledgmentsHttpController,
        ...WEBHOOK_CONTROLLERS,
      ],
      providers: [
        { provide: INGEST_CONFIG, useValue: config },
        ClaimLedgerRepository,
        SubmissionLedgerRepository,
        SubmissionsRepository,
        SubmissionsHandler,
        AcknowledgmentsRepository,
        AcknowledgmentsHandler,
        ClaimOutboxRepository,
        {
          provide: OutboxRelay,
          inject: [ClaimOutboxRepository, EventPublisher],
          useFactory: (store: ClaimOutboxRepository, publisher: EventPublisher) => new OutboxRelay(store, publisher),
        },
        ClaimResultOutboxRepository,
        ResultTopics,
        ClaimResultsStore,
        claimResultsRelay,
        LedgerRetentionRepository,
        {
          provide: LedgerJanitor,
          inject: [LedgerRetentionRepository, IngestMetrics],
          useFactory: (store: LedgerRetentionRepository, metrics: IngestMetrics) =>
            new LedgerJanitor(store, { ...DEFAULT_JANITOR_OPTIONS, inboxRetentionMs: config.INGEST_INBOX_RETENTION }, (table, count) =>
              metrics.retentionRemoved.inc({ table }, count),
            ),
        },
        IgnoredResults,
        ClaimCompletions,
        ClaimListRepository,
        ListClaimsHandler,
        SubmitClaimHandler,
        ClaimViewRepository,
        ClaimViews,
        TrackClaimHandler,
        RemittanceRepository,
        SubmitRemittanceHandler,
        EditAccuracyHandler,
        EditAccuracyPublicationRepository,
        EditAccuracyPublisher,
        ...WEBHOOK_PROVIDERS,
      ],
    };
  }
}
