import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { RefDataCatalog } from '@claimflow/domain';
import { folderSource, postgresSource, type RefDataSource } from './refdata.source';

export interface RefDataSettings {
  readonly dir?: string;
  /** Load from the Postgres store of record instead of a data-set folder. */
  readonly databaseUrl?: string;
  readonly fallback: 'strict' | 'latest';
  /** How often to look for a new data set; 0 = never (tests, the CLI). */
  readonly reloadIntervalMs?: number;
}

/**
 * The catalog in use. A new data set (an import into Postgres, a rebuilt folder) is picked up by
 * polling its version and swapped in whole, so a claim in flight sees one consistent set of tables and no
 * restart is needed. A data set that fails to load leaves the previous one in place.
 */
@Injectable()
export class RefDataHolder implements OnModuleDestroy {
  private readonly logger = new Logger(RefDataHolder.name);
  private readonly source: RefDataSource;
  private catalog?: RefDataCatalog;
  private version?: string;
  private timer?: NodeJS.Timeout;

  constructor(readonly settings: RefDataSettings) {
    this.source = settings.databaseUrl ? postgresSource(settings.databaseUrl) : folderSource(settings.dir);
  }

  get current(): RefDataCatalog {
    if (!this.catalog) throw new Error('reference data not loaded yet');
    return this.catalog;
  }

  async load(): Promise<RefDataCatalog> {
    const started = Date.now();
    this.version = await this.source.version();
    this.catalog = await this.source.load(true);
    this.logger.log(
      `reference data loaded from ${this.source.description} in ${Date.now() - started} ms: ${this.catalog
        .releases()
        .map((r) => r.id)
        .join(', ')}`,
    );
    if (this.settings.reloadIntervalMs)
      this.timer ??= setInterval(() => void this.reloadIfChanged(), this.settings.reloadIntervalMs).unref();
    return this.catalog;
  }

  async reloadIfChanged(): Promise<boolean> {
    try {
      const version = await this.source.version();
      if (version === this.version) return false;
      const next = await this.source.load(false);
      [this.catalog, this.version] = [next, version];
      this.logger.log(
        `new reference data picked up: ${next
          .releases()
          .map((r) => r.id)
          .join(', ')}`,
      );
      return true;
    } catch (error) {
      this.logger.error(`new reference data could not be loaded; keeping the current set: ${(error as Error).message}`);
      return false;
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
