import type { MigrateResult } from './migration-files';

export interface DeployOptions {
  readonly databaseUrl: string;
  readonly migrationsDir: string;
  readonly log?: (line: string) => void;
}

export interface DeployOutcome {
  readonly applied: string[];
  readonly alreadyApplied: string[];
}

export function deployMigrations(options: DeployOptions): Promise<MigrateResult<DeployOutcome>>;
