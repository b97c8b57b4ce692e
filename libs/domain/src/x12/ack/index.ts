export * from './ack-envelope';
export * from './ack-999.codes';
export * from './ack-999';
export * from './findings-999';
export * from './claim-status.277ca';
export * from './ack-277ca';
export * from './acknowledgment';
