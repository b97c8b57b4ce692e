export * from './config/base.config';
export * from './health/health.controller';
export * from './health/health.module';
export * from './bootstrap/logger.module';
export * from './bootstrap/bootstrap-service';
