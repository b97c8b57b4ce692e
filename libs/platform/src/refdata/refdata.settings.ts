import type { BaseConfig } from '../config/base.config';
import type { RefDataSettings } from './refdata.holder';

/** One reading of the REFDATA_* settings, so every service (validator, pricing, web) takes reference data alike. */
export const refDataSettingsOf = (config: BaseConfig): RefDataSettings => ({
  dir: config.REFDATA_DIR,
  databaseUrl: config.REFDATA_DATABASE_URL,
  fallback: config.REFDATA_FALLBACK,
  reloadIntervalMs: config.REFDATA_RELOAD_MS,
});
