import type { Client } from 'pg';
import type { MigrateResult } from './migration-files';

export function connectForMigrations(databaseUrl: string): Promise<MigrateResult<Client>>;
