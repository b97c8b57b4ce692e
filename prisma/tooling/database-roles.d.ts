import type { MigrateResult } from './migration-files';

export type OwnerSchema = 'ledger' | 'feedback' | 'refdata' | 'keys';
export type ServiceRoleName = 'claimflow_ingest' | 'claimflow_feedback' | 'claimflow_refdata' | 'claimflow_admin';

export interface TableGrant {
  readonly schema: OwnerSchema;
  readonly table: string;
  readonly privileges: string;
}

export interface ServiceRole {
  readonly service: 'ingest' | 'feedback' | 'refdata' | 'admin';
  readonly role: ServiceRoleName;
  readonly writes: readonly OwnerSchema[];
  readonly reads: readonly OwnerSchema[];
  readonly tables: readonly TableGrant[];
  readonly admin?: boolean;
}

export const OWNER_SCHEMAS: readonly OwnerSchema[];
export const SERVICE_ROLES: readonly ServiceRole[];

export interface RolesOptions {
  readonly databaseUrl: string;
  readonly passwords?: Partial<Record<ServiceRoleName, string>>;
  readonly log?: (line: string) => void;
}

export function applyDatabaseRoles(options: RolesOptions): Promise<MigrateResult<{ roles: ServiceRoleName[] }>>;
export function roleUrl(baseUrl: string, role: string, password?: string): string;
