import { z } from 'zod';
import type { BodySpec, ResponseSpec, RouteSpec, WebhookSpec } from './openapi-spec.types';
import { EDGE_REFUSAL, KEYED_ANSWERS } from './problem-answers';

type Json = Record<string, unknown>;

export const json = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
};

const bodySchema = (body: BodySpec, io: 'input' | 'output'): Json =>
  body === 'text' ? { type: 'string' } : body instanceof z.ZodType ? json(body, io) : { ...body };

const content = (bodies: Readonly<Record<string, BodySpec>>, io: 'input' | 'output') =>
  Object.fromEntries(Object.entries(bodies).map(([media, body]) => [media, { schema: bodySchema(body, io) }]));

/** A route's own 400 keeps its body, and says that the edge's refusals are 400s too. */
function withEdgeRefusal(answers: Readonly<Record<string, ResponseSpec>>): Record<string, ResponseSpec> {
  const own = answers['400'];
  return { ...answers, '400': own ? { ...own, description: `${own.description}; or ${EDGE_REFUSAL}` } : KEYED_ANSWERS['400'] };
}

/** One route as an OpenAPI operation: its answers (with the keyed ones where it takes a key), parameters and body. */
export function operation(route: RouteSpec): Json {
  const answers = route.bearer ? withEdgeRefusal({ ...KEYED_ANSWERS, ...route.responses }) : route.responses;
  const sorted = Object.entries(answers).sort(([a], [b]) => a.localeCompare(b));
  const responses = Object.fromEntries(
    sorted.map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.headers
          ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) }
          : {}),
        ...(r.content ? { content: content(r.content, 'output') } : {}),
      },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    ...(route.bearer ? { security: [{ bearerAuth: [] }] } : {}),
    ...(route.parameters?.length
      ? {
          parameters: route.parameters.map((p) => ({
            name: p.name,
            in: p.in,
            description: p.description,
            required: p.in === 'path' ? true : (p.required ?? false),
            schema: json(p.schema, 'input'),
          })),
        }
      : {}),
    ...(route.requestBody
      ? { requestBody: { required: route.requestBody.required, content: content(route.requestBody.content, 'input') } }
      : {}),
    responses,
  };
}

/** The `webhooks` section: each event as the POST a subscriber receives. */
export function webhookOperations(webhooks: readonly WebhookSpec[]): Json {
  return Object.fromEntries(
    webhooks.map((w) => [
      w.event,
      {
        post: operation({
          method: 'post',
          path: w.event,
          operationId: `webhook_${w.event.replace(/\W/g, '_')}`,
          summary: w.summary,
          tags: ['webhooks'],
          parameters: w.headers,
          requestBody: { required: true, content: { 'application/json': w.body } },
          responses: w.responses,
        }),
      },
    ]),
  );
}
