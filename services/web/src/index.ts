export * from './config/web.config';
export * from './web.module';
export * from './web.service';
