export * from './config/validator.config';
export * from './validator.module';
export * from './validator.service';
