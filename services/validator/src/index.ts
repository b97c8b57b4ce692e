export * from './config/validator.config';
export * from './validator.module';
export * from './validator.service';
export * from './validate-claim/validate-claim.handler';
