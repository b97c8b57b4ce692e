export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export type MigrateErrorCode =
  'MIGRATION_FILE_MISSING' | 'MIGRATION_MODIFIED' | 'MIGRATION_FAILED_IN_DATABASE' | 'MIGRATION_APPLY_FAILED' | 'DATABASE_UNREACHABLE';

export interface MigrateError {
  readonly code: MigrateErrorCode;
  readonly message: string;
  readonly migration?: string;
}

export type MigrateResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: MigrateError };

export function migrationChecksum(sql: string): string;
export function listMigrations(migrationsDir: string): MigrateResult<MigrationFile[]>;
