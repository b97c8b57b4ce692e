import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TRANSIENT_FAILURES } from '@claimflow/kafka';
import { isTransientDatabaseError } from './database-errors';
import { DATABASE_PROBE_URL, PrismaHealthIndicator } from './prisma.health';
import type { OwnedPrismaClientClass } from './prisma.service';

@Global()
@Module({})
export class PrismaModule {
  /**
   * One Prisma client per data owner the service uses, all on the service role's URL, each injectable by its class
   * (PrismaModule.forClients(config.DATABASE_URL, [LedgerDb, KeysDb])). Readiness pings the same URL on a connection
   * of its own (PrismaHealthIndicator).
   */
  static forClients(databaseUrl: string, clients: readonly [OwnedPrismaClientClass, ...OwnedPrismaClientClass[]]): DynamicModule {
    const providers: Provider[] = [
      ...clients.map((Client) => ({ provide: Client, useFactory: () => new Client(databaseUrl) })),
      { provide: DATABASE_PROBE_URL, useValue: databaseUrl },
      PrismaHealthIndicator,
      // The Kafka retry of this service holds messages through a database outage instead of dead-lettering them.
      { provide: TRANSIENT_FAILURES, useValue: isTransientDatabaseError },
    ];
    return { module: PrismaModule, imports: [TerminusModule], providers, exports: providers };
  }
}
