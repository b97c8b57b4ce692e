import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { RefDataCatalog } from '@claimflow/domain';
import { dataSetVersion, defaultDataDir, loadCatalog, loadDefaultCatalog } from '@claimflow/refdata';

export interface RefDataSettings {
  readonly dir?: string;
  readonly fallback: 'strict' | 'latest';
  /** How often to look for a new data set; 0 = never (tests, the CLI). */
  readonly reloadIntervalMs?: number;
}

/**
 * The catalog in use. A new data set (an import, a rebuilt default) is picked up by polling its
 * manifest and swapped in whole, so a claim in flight sees one consistent set of tables and no
 * restart is needed. A data set that fails to load leaves the previous one in place.
 */
@Injectable()
export class RefDataHolder implements OnModuleDestroy {
  private readonly logger = new Logger(RefDataHolder.name);
  private readonly dir: string;
  private catalog?: RefDataCatalog;
  private version?: string;
  private timer?: NodeJS.Timeout;

  constructor(readonly settings: RefDataSettings) {
    this.dir = settings.dir ?? defaultDataDir();
  }

  get current(): RefDataCatalog {
    if (!this.catalog) throw new Error('reference data not loaded yet');
    return this.catalog;
  }

  async load(): Promise<RefDataCatalog> {
    const started = Date.now();
    this.version = dataSetVersion(this.dir);
    this.catalog = await loadDefaultCatalog(this.dir);
    this.logger.log(`reference data loaded in ${Date.now() - started} ms: ${this.catalog.releases().map((r) => r.id).join(', ')}`);
    if (this.settings.reloadIntervalMs) this.timer ??= setInterval(() => void this.reloadIfChanged(), this.settings.reloadIntervalMs).unref();
    return this.catalog;
  }

  async reloadIfChanged(): Promise<boolean> {
    try {
      const version = dataSetVersion(this.dir);
      if (version === this.version) return false;
      const next = await loadCatalog(this.dir);
      [this.catalog, this.version] = [next, version];
      this.logger.log(`new reference data picked up: ${next.releases().map((r) => r.id).join(', ')}`);
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
