export * from './code-view.types';
export * from './billing-guidance';
export * from './build-code-view';
export * from './code-summaries.data';
export * from './nearest-release';
export * from './code-changes';
export * from './page-words';
export * from './glossary.data';
