import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeyRepository } from '@claimflow/http-edge';
import { ReporterAttributionRepository } from '../persistence/reporter-attribution.repository';
import { ReporterSecret } from './reporter-secret';

/**
 * Reports stored while a reporter was its key (HMAC of the key id) are moved onto the key's owner
 * (HMAC of the owner), so an organisation that reported with several keys counts once towards k from
 * then on. Idempotent: a second run finds nothing to move. Runs once per start, in the background; a
 * failure is logged and the move is tried again at the next start (the keys are never deleted).
 */
@Injectable()
export class LegacyReporters implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyReporters.name);
  private running: Promise<number> | undefined;

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly attribution: ReporterAttributionRepository,
    private readonly secret: ReporterSecret,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.moveOnce().catch((error: unknown) => {
      this.logger.warn(`per-key reporters not moved to their owners yet (next start retries): ${(error as Error)?.name ?? 'error'}`);
      return 0;
    });
  }

  /** For tests: the run started at bootstrap, finished. */
  done(): Promise<number> {
    return this.running ?? this.moveOnce();
  }

  async moveOnce(): Promise<number> {
    const keys = await this.keys.list();
    const moved = await this.attribution.reattribute(
      keys.map((k) => this.secret.legacyReporterOfKey(k.id)),
      keys.map((k) => this.secret.reporterOf(k.owner)),
    );
    if (moved > 0) this.logger.log(`moved ${moved} report(s) from per-key reporters to their owners`);
    return moved;
  }
}
