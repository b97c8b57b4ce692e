export * from './config/ingest.config';
export * from './ingest.module';
export * from './ingest.service';
// What the claim-list benchmark (scripts/bench) times beside the running service: the query and its SQL.
export { parseClaimListQuery } from './list-claims/list-claims.query';
export { listClaimsStatement } from './list-claims/list-claims.sql';
