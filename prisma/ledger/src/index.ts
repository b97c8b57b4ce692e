import type { OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/client/client';

export { Prisma } from '../generated/client/client';
export type { ClaimLedger } from '../generated/client/client';

/**
 * The Prisma client of ingest (claim ledger).
 * Its models live in the Postgres schema "ledger"; connect it with the URL of the service's own role.
 * Nest injects it by this class (PrismaModule.forClients in libs/runtime).
 */
export class LedgerDb extends PrismaClient implements OnModuleDestroy {
  /**
   * The connection pool Prisma queries through, for the ledger's few set-based statements whose
   * parameter is a large JSON document: Prisma serialises raw-query parameters to JSON and parses
   * them back before sending, which for a batch of priced results cost more than the statement.
   */
  readonly pool: Pool;

  constructor(databaseUrl: string) {
    const pool = new Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    // An idle connection dying (Postgres restarted) is an 'error' event on the pool, fatal to the process without a
    // listener; Prisma adds its own only once it has connected. The pool drops that connection and the next query
    // opens a new one (or fails with its own error, which callers classify), so there is nothing more to do here.
    pool.on('error', () => undefined);
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.pool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    // Prisma ends the pool when it had connected; a pool only the raw statements used is ended here.
    if (!this.pool.ended) await this.pool.end();
  }
}
