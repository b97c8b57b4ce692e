export * from './config/validator.config';
export * from './validator.module';
