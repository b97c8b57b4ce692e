import { z } from 'zod';
import { CodeViewSchema, LocalityOptionsSchema, RefDataStatusSchema } from '../http/web.schema';
import { errorAnswer, type ApiSpec } from './openapi-builder';

const date = { name: 'date', in: 'query', description: 'Date of service, YYYY-MM-DD (default: today)', schema: z.string() } as const;

export const WEB_API: ApiSpec = {
  service: 'web',
  title: 'ClaimFlow web front end',
  description:
    'The browser origin: the built client, the code look-up below, and each service API under /api/{ingest,validator,pricing,feedback}/ ' +
    '(proxied as is; see that service’s own document).',
  routes: [
    {
      method: 'get',
      path: '/api/codes/{code}',
      operationId: 'codeView',
      summary: 'What the code page shows: MUE, add-on, PTP pairs both ways, indicators and billing guidance',
      tags: ['code look-up'],
      parameters: [{ name: 'code', in: 'path', description: 'CPT/HCPCS code', schema: z.string() }, date],
      responses: {
        '200': { description: 'The code’s facts, each with its release', content: { 'application/json': CodeViewSchema } },
        '400': errorAnswer('Not a CPT/HCPCS code (CODE_INVALID) or a malformed date (QUERY_INVALID)'),
        '404': errorAnswer('A well-formed code unknown to the reference data (CODE_UNKNOWN)'),
      },
    },
    {
      method: 'get',
      path: '/api/localities',
      operationId: 'localities',
      summary: 'Medicare payment localities of the fee schedule in force',
      tags: ['code look-up'],
      parameters: [date],
      responses: {
        '200': { description: 'Localities, by state and name', content: { 'application/json': LocalityOptionsSchema } },
        '400': errorAnswer('A malformed date (QUERY_INVALID)'),
      },
    },
    {
      method: 'get',
      path: '/api/refdata/status',
      operationId: 'refDataStatus',
      summary: 'Reference-data coverage by dataset, its gaps, and what a claim dated today gets',
      tags: ['reference data'],
      responses: { '200': { description: 'Coverage and a one-line summary', content: { 'application/json': RefDataStatusSchema } } },
    },
  ],
};
