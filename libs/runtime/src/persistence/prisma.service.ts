import type { Type } from '@nestjs/common';

/** What a data owner's Prisma client (@claimflow/db-<owner>) offers the platform: a ping and a disconnect. */
export interface OwnedPrismaClient {
  $queryRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<unknown>;
  $disconnect(): Promise<void>;
}

/** A data owner's client class, e.g. LedgerDb: constructed with the service role's database URL. */
export type OwnedPrismaClientClass = Type<OwnedPrismaClient> & (new (databaseUrl: string) => OwnedPrismaClient);
