/** Test data builders other projects' tests share (`@claimflow/domain/testing`); never imported by product code. */
export * from './feedback/testing/denial-report.fixture';
export * from './intake/testing/intake-mutations';
export * from './intake/testing/maximal-claim';
export * from './x12/ack/testing/ack.fixture';
