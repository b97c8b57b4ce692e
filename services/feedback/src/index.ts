export * from './config/feedback.config';
export * from './feedback.module';
export * from './feedback.service';
