export * from './config/ingest.config';
export * from './ingest.module';
export * from './ingest.service';
