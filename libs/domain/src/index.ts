export * from './shared/result';
export * from './shared/dates';
export * from './claim/claim.schema';
export * from './claim/place-of-service';
export * from './refdata/release';
export * from './refdata/tables';
export * from './refdata/catalog';
export * from './validation/edit';
