import { z } from 'zod';
import { HEADERS } from '../envelope/envelope';
import { TRACEPARENT_PATTERN } from '../envelope/trace-context';
import { MESSAGES, type MessageSpec } from './asyncapi-messages';
import { OWNER_PLACEHOLDER, OWNER_TOPICS, ownerTopicPattern, PACKED_TOPICS, TOPICS, TOPICS_V1 } from '../topics';
import { PACKED_HEADER } from '../envelope/packed-records';
import { API_VERSION } from '../openapi/openapi-builder';

type Json = Record<string, unknown>;

const SCHEMA_FORMAT = 'application/schema+json;version=draft-07';

const jsonSchema = (schema: z.ZodType): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as Json;
  return rest;
};

/** The envelope every message carries in its Kafka headers; the claim id is the message key. */
const EnvelopeHeaders = z.object({
  [HEADERS.id]: z.string().meta({ description: 'unique message id' }),
  [HEADERS.correlationId]: z.string().meta({ description: 'the same for every message one submission causes' }),
  [HEADERS.causationId]: z.string().meta({ description: 'id of the message that caused this one' }),
  [HEADERS.occurredAt]: z.string().meta({ format: 'date-time' }),
  [HEADERS.type]: z.string().meta({ description: 'message type with version, e.g. ClaimNormalized.v2' }),
  [HEADERS.contentType]: z.string().optional(),
  [HEADERS.traceparent]: z.string().regex(TRACEPARENT_PATTERN).optional().meta({ description: 'W3C Trace Context of the producing span' }),
});

const OWNER_PARAMETER = {
  description:
    'the submitting owner (the API-key owner; letters, digits, _ and -), one topic pair per owner, created with its ' +
    'SASL/SCRAM credentials and LITERAL ACLs by `npx claimflow kafka-credentials create --owner <owner>`',
};

function addressOf(channel: MessageSpec['channel']): string {
  if (channel in OWNER_TOPICS) return ownerTopicPattern(OWNER_TOPICS[channel as keyof typeof OWNER_TOPICS]);
  if (channel in TOPICS) return TOPICS[channel as keyof typeof TOPICS];
  return TOPICS_V1[channel.slice(0, -2) as keyof typeof TOPICS_V1];
}

/** AsyncAPI 3.0 document of ClaimFlow's Kafka topics, from the same zod schemas the consumers validate with. */
export function buildAsyncApi(): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  for (const m of MESSAGES) {
    const title = `${m.name}.${m.version ?? 'v1'}`;
    // Message ids are unique: the superseded v1 messages (those with a v2 of the same name) are named with their version.
    const superseded = (m.version ?? 'v1') === 'v1' && MESSAGES.some((o) => o.name === m.name && o.version === 'v2');
    const id = superseded ? `${m.name}V1` : m.name;
    const ref = { $ref: `#/channels/${m.channel}/messages/${id}` };
    channels[m.channel] = {
      address: addressOf(m.channel),
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      ...(m.channel in OWNER_TOPICS ? { parameters: { [OWNER_PLACEHOLDER.slice(1, -1)]: OWNER_PARAMETER } } : {}),
    };
    messages[id] = {
      name: id,
      title,
      summary: m.summary,
      contentType: m.contentType ?? 'application/json',
      correlationId: { location: `$message.header#/${HEADERS.correlationId}` },
      headers: { schemaFormat: SCHEMA_FORMAT, schema: jsonSchema(EnvelopeHeaders.extend(m.headers ?? {})) },
      payload: m.payload instanceof z.ZodType ? { schemaFormat: SCHEMA_FORMAT, schema: jsonSchema(m.payload) } : m.payload,
    };
    const channel = { $ref: `#/channels/${m.channel}` };
    operations[`send${id}`] = { action: 'send', channel, messages: [ref], description: `produced by ${m.producers.join(', ')}` };
    operations[`receive${id}`] = { action: 'receive', channel, messages: [ref], description: `consumed by ${m.consumers.join(', ')}` };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'ClaimFlow events',
      version: API_VERSION,
      description:
        'Kafka topics of the claim pipeline. Every message carries its envelope in headers and the claim id as key; ' +
        `on ${PACKED_TOPICS.join(', ')} (written and read by ClaimFlow's services only) several messages of a partition ` +
        `travel in one record: its header ${PACKED_HEADER} is the index [[key, bytes, headers], ...] and its value the messages' ` +
        'values one after the other (README, "Packed records"). TOPIC_SUFFIX is appended to every address when set.',
      license: { name: 'Apache-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        // kafka-secure: Kafka over TLS (the SASL_SSL listener is the only one).
        protocol: 'kafka-secure',
        description:
          'the broker of npm run demo: SASL_SSL only, the broker certificate signed by a CA generated at first start ' +
          '(.kafka/security/ca.crt); every client signs in with SCRAM-SHA-512 and may use only the topics and group its ACLs name',
        security: [{ $ref: '#/components/securitySchemes/scram' }],
      },
    },
    channels,
    operations,
    components: {
      messages,
      securitySchemes: {
        scram: {
          type: 'scramSha512',
          description:
            'SASL/SCRAM-SHA-512 over TLS: one user per service (ingest, validator, pricing, feedback) with ACLs on its topics ' +
            'and consumer group; a PM system signs in as pm.<owner> (`claimflow kafka-credentials create --owner <owner>`), ' +
            'allowed to write claims.submitted.v1.<owner> and read claims.results.v1.<owner> only. Unauthenticated clients are refused.',
        },
      },
    },
  };
}
