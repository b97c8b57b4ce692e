export * from './release-diff.types';
export * from './release-diff';
export * from './coverage';
