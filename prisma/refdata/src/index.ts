import type { OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client';

export { Prisma } from '../generated/client/client';

/**
 * The Prisma client of reference data (written by the CLI, read by validator and pricing).
 * Its models live in the Postgres schema "refdata"; connect it with the URL of the service's own role.
 * Nest injects it by this class (PrismaModule.forClients in libs/runtime).
 */
export class RefdataDb extends PrismaClient implements OnModuleDestroy {
  constructor(databaseUrl: string) {
    super({ adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
