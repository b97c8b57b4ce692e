export * from './config/feedback.config';
export * from './feedback.module';
