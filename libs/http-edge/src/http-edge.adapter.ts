import { X12_MEDIA_TYPES } from '@claimflow/domain';
import type { HttpEdgePort } from '@claimflow/runtime';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { bodyErrorHandler } from './edge/body-errors';
import { EdgeModule } from './edge/edge.module';
import { applyHttpEdge } from './edge/http-edge';
import { HttpMetricsModule, metricsAccessOf } from './metrics/metrics.module';
import { ProblemFilter } from './problem/problem.filter';

/** JSON media types a service parses (FHIR's and RFC 6839's +json among them). */
const JSON_TYPES = ['application/json', 'application/fhir+json', 'application/*+json'];
/** Text media types a service parses: X12, sent as text/plain or as its own types. */
const TEXT_TYPES = [...X12_MEDIA_TYPES];

/** The HTTP edge every ClaimFlow service has, given to the runtime (service descriptions, serviceInfrastructure). */
export const httpEdge: HttpEdgePort = {
  modules: (config, options = {}) => [
    EdgeModule.forRoot(config),
    HttpMetricsModule.forAccess(metricsAccessOf(config)),
    ...(options.openapi ? [ApiDocsModule.forDocument(options.openapi)] : []),
  ],
  prepare: (app, config, body) => {
    applyHttpEdge(app, config);
    if (body.parseJson) app.useBodyParser('json', { limit: body.limit, type: JSON_TYPES });
    if (body.parseText) app.useBodyParser('text', { limit: body.limit, type: TEXT_TYPES });
    app.use(bodyErrorHandler);
    // Every HTTP error, Nest's own and unknown routes included, as RFC 9457 problem details (inherited by the Kafka
    // transport, which keeps Nest's RPC handling).
    app.useGlobalFilters(new ProblemFilter());
  },
};
