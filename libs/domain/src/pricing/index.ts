export * from './priced-claim';
export * from './pricing-error';
export * from './pricing-options';
export * from './pricing-tables';
export * from './validation-input';
export * from './price-claim';
export * from './fee-lookup';
export * from './claim-pricer';
