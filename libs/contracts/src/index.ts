export * from './topics';
export * from './envelope/envelope';
export * from './envelope/envelope-headers';
export * from './messages/claim-messages';
export * from './messages/validation-result.schema';
export * from './messages/priced-claim.schema';
export * from './messages/parse-message';
export * from './messages/denial-report-messages';
