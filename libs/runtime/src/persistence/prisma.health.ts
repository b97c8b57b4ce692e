import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { withDeadline } from '@claimflow/kafka';
import { PRIMARY_DATABASE, type OwnedPrismaClient } from './prisma.service';

/**
 * The database's share of a readiness answer (checks run side by side; readiness answers within 3 s; see
 * BROKER_PROBE_MS for the margin). Without it a
 * ping waits for the pool's connection timeout (5 s) when Postgres does not answer at all.
 */
export const DATABASE_PROBE_MS = 2000;

@Injectable()
export class PrismaHealthIndicator {
  constructor(
    @Inject(PRIMARY_DATABASE) private readonly prisma: OwnedPrismaClient,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'postgres') {
    const indicator = this.health.check(key);
    try {
      await withDeadline(Promise.resolve(this.prisma.$queryRaw`SELECT 1`), DATABASE_PROBE_MS, 'the database');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
