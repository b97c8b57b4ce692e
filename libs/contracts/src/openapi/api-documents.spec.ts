import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apiDocumentFiles } from './api-documents';
import { SERVICE_APIS, openApiDocument } from './index';

const root = join(__dirname, '../../../..');
const files = apiDocumentFiles();

describe('docs/openapi/*.json and docs/asyncapi.json', () => {
  // The build writes them (scripts/write-api-docs.mjs); or: UPDATE_API_DOCS=1 npx jest libs/contracts/src/openapi/api-documents.spec.ts
  if (process.env.UPDATE_API_DOCS === '1')
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }

  it.each(Object.keys(files))('%s is the document generated from the contracts', (path) => {
    expect(readFileSync(join(root, path), 'utf8')).toBe(files[path]);
  });

  it('declares the bearer scheme on exactly the routes that take an API key', () => {
    const secured = (service: keyof typeof SERVICE_APIS) => {
      const doc = openApiDocument(service) as { paths: Record<string, Record<string, { security?: unknown }>>; components?: unknown };
      return Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.security)
          .map(([method]) => `${method} ${path}`),
      );
    };
    expect(secured('ingest')).toEqual([
      'post /v1/claims',
      'get /v1/claims',
      'get /v1/claims/{id}',
      'get /v1/submissions',
      'get /v1/submissions/{id}',
      'get /v1/submissions/{id}/999',
      'get /v1/claims/{id}/277ca',
      'post /v1/remittances',
      'get /v1/edit-accuracy',
      'post /v1/webhooks',
      'get /v1/webhooks',
      'delete /v1/webhooks/{id}',
      'post /v1/webhooks/{id}/rotate-secret',
      'get /v1/webhooks/{id}/deliveries',
      'post /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    ]);
    expect(secured('feedback')).toEqual(['post /v1/denial-reports']);
    expect(secured('validator')).toEqual([]);
    expect(openApiDocument('feedback')).toMatchObject({
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    });
  });

  it('documents the refusals of the key check on every route that takes a key, and the rate limit of the open check', () => {
    for (const service of ['ingest', 'feedback'] as const) {
      const doc = openApiDocument(service) as { paths: Record<string, Record<string, { security?: unknown; responses: object }>> };
      for (const op of Object.values(doc.paths).flatMap((ops) => Object.values(ops)))
        if (op.security) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '429', '503']));
    }
    const validator = openApiDocument('validator') as { paths: Record<string, Record<string, { responses: object }>> };
    expect(Object.keys(validator.paths['/v1/check']!.post!.responses)).toContain('429');
  });

  it('describes every Kafka message with its envelope headers and payload schema', () => {
    const doc = JSON.parse(files['docs/asyncapi.json']);
    expect(doc.channels.claimsPriced.address).toBe('claims.priced.v2');
    const priced = doc.components.messages.ClaimPriced;
    expect(Object.keys(priced.headers.schema.properties)).toEqual(expect.arrayContaining(['cf-correlation-id', 'traceparent']));
    expect(priced.title).toBe('ClaimPriced.v2');
    expect(priced.payload.schema.properties.pricing.oneOf).toHaveLength(2);
    // The v1 topic is still read during a rollover, and documented as such.
    expect(doc.channels.claimsPricedV1.address).toBe('claims.priced.v1');
    expect(doc.components.messages.ClaimPricedV1.title).toBe('ClaimPriced.v1');
  });
});
