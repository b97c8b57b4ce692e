import type { ClientBase } from 'pg';
import type { MigrationFile } from './migration-files';

export interface MigrationRow {
  readonly id: string;
  readonly checksum: string;
  readonly finished_at: Date | null;
  readonly migration_name: string;
  readonly logs: string | null;
  readonly rolled_back_at: Date | null;
  readonly started_at: Date;
  readonly applied_steps_count: number;
}

export interface MigrationHistory {
  readonly applied: string[];
  readonly pending: string[];
  readonly modified: string[];
  readonly failed: string[];
  readonly missingFromDisk: string[];
}

export const PRISMA_ADVISORY_LOCK_KEY: number;
export const MIGRATIONS_TABLE_DDL: string;
export function readMigrationRows(client: ClientBase): Promise<{ hasTable: boolean; rows: MigrationRow[] }>;
export function compareHistory(files: readonly MigrationFile[], rows: readonly MigrationRow[]): MigrationHistory;
