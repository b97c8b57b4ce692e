export * from './clients';
export * from './problem';
export * from './claims';
export * from './submissions';
export * from './webhooks';
export * from './webhook-receiver';
