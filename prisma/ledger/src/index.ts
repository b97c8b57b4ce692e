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
    const pool = new Pool({ connectionString: withPlanCacheMode(databaseUrl), connectionTimeoutMillis: 5000 });
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

/**
 * The URL with `plan_cache_mode=force_custom_plan` among the session settings Postgres takes at connection (libpq's
 * `options`, after any the URL already gives). Ingest's hot statements are named prepared statements
 * (services/ingest/src/shared/prepared-statement.ts): parsed once a connection, but planned for every run. A generic
 * plan kept from the first runs, on a table still small, read the whole table once it had grown, until Postgres next
 * analyzed it (a new deployment's first burst, every pipeline bench run): a 50-row ledger grown to 30,050 rows took
 * FIND_STATES from 280 us a run to 5,280 (FIND_SUBMISSIONS 240 -> 8,380, APPLY_DECISIONS 340 -> 7,840; backend CPU,
 * development Postgres 15). Unnamed statements (Prisma's) are planned for their values anyway. A setting at connection,
 * not a SET on pg-pool's 'connect': that one ran while the pool handed the connection out, so the caller's first query
 * was sent while it was still running (pg warns: removed in pg 9), and cost every new connection a round trip.
 */
export function withPlanCacheMode(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const given = url.searchParams.get('options');
  url.searchParams.set('options', [given, '-c plan_cache_mode=force_custom_plan'].filter(Boolean).join(' '));
  return url.toString();
}
