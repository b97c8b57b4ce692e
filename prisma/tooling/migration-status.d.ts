import type { MigrateResult } from './migration-files';
import type { MigrationHistory } from './migration-history';

export interface MigrationStatus extends MigrationHistory {
  readonly hasTable: boolean;
}

export function migrationStatus(options: { databaseUrl: string; migrationsDir: string }): Promise<MigrateResult<MigrationStatus>>;
