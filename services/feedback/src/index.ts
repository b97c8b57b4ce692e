export * from './config/feedback.config';
export * from './feedback.module';
export * from './feedback.service';
// What the benchmarks (scripts/bench) drive beside the running service: the pattern query and the publication run.
export { DenialPatternsHandler } from './denial-patterns/denial-patterns.handler';
export { PatternFiltersSchema } from './denial-patterns/denial-patterns.query';
export { PatternPublicationRepository } from './persistence/pattern-publication.repository';
export { PatternPublisher } from './publish-patterns/pattern-publisher';
export { ReporterSecret } from './reporter/reporter-secret';
