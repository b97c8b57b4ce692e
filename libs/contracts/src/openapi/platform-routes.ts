import { z } from 'zod';
import { LivenessSchema, ReadinessSchema } from '../http/health.schema';
import type { RouteSpec } from './openapi-spec.types';
import { errorAnswer } from './problem-answers';

/** Routes every service answers: liveness, readiness, metrics and this document. */
export function platformRoutes(): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/health',
      operationId: 'liveness',
      summary: 'Liveness: the process answers',
      tags: ['operations'],
      responses: { '200': { description: 'Alive', content: { 'application/json': LivenessSchema } } },
    },
    {
      method: 'get',
      path: '/health/ready',
      operationId: 'readiness',
      summary: 'Readiness: Kafka (and Postgres where used) reachable',
      tags: ['operations'],
      responses: {
        '200': { description: 'Ready', content: { 'application/json': ReadinessSchema } },
        '503': { description: 'A dependency is down', content: { 'application/json': ReadinessSchema } },
      },
    },
    {
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics (claimflow_ prefix); with METRICS_TOKEN set, only for "Authorization: Bearer <token>"',
      tags: ['operations'],
      responses: {
        '200': { description: 'Prometheus text exposition format', content: { 'text/plain': 'text' } },
        '401': errorAnswer('METRICS_TOKEN is set and was not sent (METRICS_TOKEN_REQUIRED)'),
        '404': errorAnswer('Production without METRICS_TOKEN: metrics are not served (ROUTE_NOT_FOUND)'),
      },
    },
    {
      method: 'get',
      path: '/openapi.json',
      operationId: 'openapi',
      summary: 'This OpenAPI document',
      tags: ['operations'],
      responses: {
        '200': {
          description: 'OpenAPI 3.1 document',
          content: { 'application/json': z.object({ openapi: z.string() }).catchall(z.unknown()) },
        },
      },
    },
    {
      method: 'get',
      path: '/docs',
      operationId: 'docs',
      summary: 'This document rendered (Swagger UI, served locally)',
      tags: ['operations'],
      responses: { '200': { description: 'HTML page', content: { 'text/html': 'text' } } },
    },
    {
      method: 'get',
      path: '/docs/{file}',
      operationId: 'docsAsset',
      summary: 'Files of the rendered page (Swagger UI assets)',
      tags: ['operations'],
      parameters: [{ name: 'file', in: 'path', description: 'e.g. swagger-ui.css', schema: z.string() }],
      responses: {
        '200': {
          description: 'The file',
          content: { 'text/css': 'text', 'text/javascript': 'text', 'image/png': { type: 'string', contentMediaType: 'image/png' } },
        },
        '404': errorAnswer('No such file (NOT_FOUND)'),
      },
    },
  ];
}
