import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PRIMARY_DATABASE, type OwnedPrismaClient } from './prisma.service';

@Injectable()
export class PrismaHealthIndicator {
  constructor(
    @Inject(PRIMARY_DATABASE) private readonly prisma: OwnedPrismaClient,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'postgres') {
    const indicator = this.health.check(key);
    try {
      await this.prisma.$queryRaw`SELECT 1`;
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
