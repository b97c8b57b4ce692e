import { Injectable, Logger } from '@nestjs/common';
import type { RefDataCatalog } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';

export interface RefDataSettings {
  readonly dir?: string;
  readonly fallback: 'strict' | 'latest';
}

export const REFDATA_SETTINGS = Symbol('REFDATA_SETTINGS');

/**
 * The catalog in use. Swapped whole when a new release is published, so a claim in flight
 * sees one consistent set of tables and no restart is needed.
 */
@Injectable()
export class RefDataHolder {
  private readonly logger = new Logger(RefDataHolder.name);
  private catalog?: RefDataCatalog;

  constructor(readonly settings: RefDataSettings) {}

  get current(): RefDataCatalog {
    if (!this.catalog) throw new Error('reference data not loaded yet');
    return this.catalog;
  }

  async load(): Promise<RefDataCatalog> {
    const started = Date.now();
    this.catalog = await loadDefaultCatalog(this.settings.dir);
    this.logger.log(`reference data loaded in ${Date.now() - started} ms: ${this.catalog.releases().map((r) => r.id).join(', ')}`);
    return this.catalog;
  }
}
