import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrismaHealthIndicator } from './prisma.health';
import { DATABASE_URL, PrismaService } from './prisma.service';

@Global()
@Module({})
export class PrismaModule {
  static forRoot(databaseUrl: string): DynamicModule {
    const providers = [{ provide: DATABASE_URL, useValue: databaseUrl }, PrismaService, PrismaHealthIndicator];
    return { module: PrismaModule, imports: [TerminusModule], providers, exports: providers };
  }
}
