import { Injectable } from '@nestjs/common';
import { LedgerDb, Prisma } from '@claimflow/db-ledger';
import type { PublicEditAccuracy } from '@claimflow/domain';

const PUBLICATION_ROW = 1;

export interface StoredEditAccuracy {
  readonly answer: PublicEditAccuracy;
  readonly throughAt: Date;
  readonly publishedAsOf: Date;
}

/** The published public edit accuracy: one row, written by the publisher, read by every public answer. */
@Injectable()
export class EditAccuracyPublicationRepository {
  constructor(private readonly prisma: LedgerDb) {}

  async current(): Promise<StoredEditAccuracy | null> {
    const row = await this.prisma.editAccuracyPublication.findUnique({ where: { id: PUBLICATION_ROW } });
    return row ? { answer: row.answer as unknown as PublicEditAccuracy, throughAt: row.throughAt, publishedAsOf: row.publishedAsOf } : null;
  }

  async publish(answer: PublicEditAccuracy, throughAt: Date, asOf: Date): Promise<void> {
    const data = { answer: answer as unknown as Prisma.InputJsonValue, throughAt, publishedAsOf: asOf, checkedAt: asOf };
    await this.prisma.editAccuracyPublication.upsert({
      where: { id: PUBLICATION_ROW },
      create: { id: PUBLICATION_ROW, ...data },
      update: data,
    });
  }

  /** A run that found no snapshot due: only its time is kept (there is no row before the first snapshot). */
  async markChecked(at: Date): Promise<void> {
    await this.prisma.editAccuracyPublication.updateMany({ where: { id: PUBLICATION_ROW }, data: { checkedAt: at } });
  }
}
