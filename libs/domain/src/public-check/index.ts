export * from './cap-edits';
