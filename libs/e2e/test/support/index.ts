/** The end-to-end harness other projects may drive (`@claimflow/e2e`: the benchmarks): the pipeline in-process, owner topics, chaos. */
export * from './owner-topics';
export * from './start-pipeline';
export * from './chaos';
export * from './cluster-kill';
