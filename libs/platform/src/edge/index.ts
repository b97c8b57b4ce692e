export * from './correlation-id';
export * from './http-edge';
export * from './edge.module';
export * from './edge-throttler.guard';
export * from './public-check.decorator';
