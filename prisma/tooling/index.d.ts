export * from './migration-files';
export * from './migration-history';
export * from './migration-connection';
export * from './deploy-migrations';
export * from './migration-status';
export * from './database-roles';
