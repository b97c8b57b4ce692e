export * from './config/pricing.config';
export * from './pricing.module';
export * from './pricing.service';
