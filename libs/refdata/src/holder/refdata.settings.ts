import type { RefDataSettings } from './refdata.holder';

/** The REFDATA_* settings of a service's configuration (BaseConfigSchema in @claimflow/runtime). */
export interface RefDataConfig {
  readonly REFDATA_DIR?: string;
  readonly REFDATA_DATABASE_URL?: string;
  readonly REFDATA_FALLBACK: RefDataSettings['fallback'];
  readonly REFDATA_RELOAD_MS: number;
}

/** One reading of the REFDATA_* settings, so every service (validator, pricing, web) takes reference data alike. */
export const refDataSettingsOf = (config: RefDataConfig): RefDataSettings => ({
  dir: config.REFDATA_DIR,
  databaseUrl: config.REFDATA_DATABASE_URL,
  fallback: config.REFDATA_FALLBACK,
  reloadIntervalMs: config.REFDATA_RELOAD_MS,
});
