export * from './clients';
export * from './problem';
export * from './claims';
export * from './submissions';
