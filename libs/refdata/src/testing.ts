/** Fixture CMS bundles other projects' tests share (`@claimflow/refdata/testing`); never imported by product code. */
export * from './bundles/testing/fixture-bundles';
