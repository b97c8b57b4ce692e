export * from './config/ingest.config';
export * from './ingest.module';
