import { Module, type DynamicModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { PrismaHealthIndicator, PrismaModule, serviceInfrastructure } from '@claimflow/platform';
import { INGEST_CONFIG, type IngestConfig } from './config/ingest.config';
import { GetClaimHandler } from './get-claim/get-claim.handler';
import { GetClaimHttpController } from './get-claim/get-claim.http.controller';
import { ClaimCompletions } from './ledger/claim-completions';
import { ClaimLedgerRepository } from './ledger/claim-ledger.repository';
import { SubmitClaimHandler } from './submit-claim/submit-claim.handler';
import { SubmitClaimHttpController } from './submit-claim/submit-claim.http.controller';
import { SubmitClaimKafkaController } from './submit-claim/submit-claim.kafka.controller';
import { TrackClaimHandler } from './track-claim/track-claim.handler';
import { TrackClaimKafkaController } from './track-claim/track-claim.kafka.controller';

export const INGEST_GROUP = 'claimflow-ingest';

@Module({})
export class IngestModule {
  static forRoot(config: IngestConfig): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        PrismaModule.forRoot(config.DATABASE_URL),
        ...serviceInfrastructure('ingest', config, {
          groupId: INGEST_GROUP,
          openapi: openApiDocument('ingest'),
          readiness: [PrismaHealthIndicator],
        }),
      ],
      controllers: [SubmitClaimHttpController, GetClaimHttpController, SubmitClaimKafkaController, TrackClaimKafkaController],
      providers: [
        { provide: INGEST_CONFIG, useValue: config },
        ClaimLedgerRepository,
        ClaimCompletions,
        SubmitClaimHandler,
        GetClaimHandler,
        TrackClaimHandler,
      ],
    };
  }
}
