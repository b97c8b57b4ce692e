import { z } from 'zod';
import { FeeLookupSchema, PricingProblemSchema } from '../http/pricing.schema';
import { errorAnswer, type ApiSpec } from './openapi-builder';

export const PRICING_API: ApiSpec = {
  service: 'pricing',
  title: 'ClaimFlow pricing',
  description: 'The Medicare Physician Fee Schedule calculator; claims themselves are priced on Kafka.',
  routes: [
    {
      method: 'get',
      path: '/v1/fee-schedule/{code}',
      operationId: 'feeSchedule',
      summary: 'RVUs, GPCIs and global/26/TC amounts of one code in both settings',
      tags: ['fee schedule'],
      parameters: [
        { name: 'code', in: 'path', description: 'CPT/HCPCS code', schema: z.string() },
        { name: 'modifier', in: 'query', description: 'Component: 26 or TC (absent: global)', schema: z.enum(['26', 'TC']) },
        { name: 'locality', in: 'query', description: 'CARRIER-LOC, e.g. 01112-05', schema: z.string().regex(/^\d{5}-\d{2}$/) },
        { name: 'zip', in: 'query', description: 'ZIP code mapped to a locality', schema: z.string().regex(/^\d{5}$/) },
        { name: 'pos', in: 'query', description: 'Place of service (setting)', schema: z.string().regex(/^\d{2}$/) },
        { name: 'date', in: 'query', description: 'Date of service, YYYY-MM-DD', schema: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) },
        { name: 'latest', in: 'query', description: 'Use the newest release when none is in force', schema: z.enum(['true', 'false']) },
      ],
      responses: {
        '200': { description: 'The fee-schedule answer with the releases it came from', content: { 'application/json': FeeLookupSchema } },
        '400': errorAnswer(
          'Not a 5-character CPT/HCPCS code (CODE_INVALID), or a query parameter is malformed (QUERY_INVALID), each named',
        ),
        '404': errorAnswer('A well-formed code unknown to the fee schedule (CODE_UNKNOWN)', PricingProblemSchema),
        '422': errorAnswer(
          'No locality (ZIP_UNMAPPED, LOCALITY_UNKNOWN, NO_LOCALITY) or no release in force on the date (NO_RELEASE_IN_FORCE)',
          PricingProblemSchema,
        ),
      },
    },
  ],
};
