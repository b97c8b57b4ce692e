export * from './correlation-id';
export * from './client-address';
export * from './http-edge';
export * from './edge.module';
export * from './edge-throttler.guard';
export * from './public-check.decorator';
export * from './request-checks';
export * from './body-errors';
