export * from './carc-rarc.table';
export * from './line-outcome';
export * from './match-remittance';
export * from './mac-jurisdiction';
export * from './remit-denial-reports';
export * from './edit-accuracy';
export * from './state-of-zip';
export * from './public-edit-accuracy';
