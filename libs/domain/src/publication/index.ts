export * from './contributors';
export * from './cell-key-rounding';
export * from './shown-groups';
export * from './snapshot-gate';
