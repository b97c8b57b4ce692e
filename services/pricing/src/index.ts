export * from './config/pricing.config';
export * from './pricing.module';
