import { z } from 'zod';
import { HEADERS } from '../envelope/envelope';
import { TRACEPARENT_PATTERN } from '../envelope/trace-context';
import { ClaimDeadLetteredV1, ClaimNormalizedV1, ClaimPricedV1, ClaimValidatedV1 } from '../messages/claim-messages';
import { DenialReportSubmittedV1, REPORTER_HEADER } from '../messages/denial-report-messages';
import { ClaimViewSchema } from '../http/ingest.schema';
import { OWNER_PLACEHOLDER, OWNER_TOPICS, ownerTopicPattern, TOPICS } from '../topics';
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
  [HEADERS.type]: z.string().meta({ description: 'message type with version, e.g. ClaimNormalized.v1' }),
  [HEADERS.contentType]: z.string().optional(),
  [HEADERS.traceparent]: z.string().regex(TRACEPARENT_PATTERN).optional().meta({ description: 'W3C Trace Context of the producing span' }),
});

interface MessageSpec {
  readonly name: string;
  readonly channel: keyof typeof TOPICS | keyof typeof OWNER_TOPICS;
  readonly summary: string;
  readonly payload: z.ZodType | Json;
  readonly contentType?: string;
  /** Headers this message carries besides the envelope. */
  readonly headers?: Readonly<Record<string, z.ZodType>>;
  readonly producers: readonly string[];
  readonly consumers: readonly string[];
}

const MESSAGES: readonly MessageSpec[] = [
  {
    name: 'ClaimSubmitted',
    channel: 'claimsSubmitted',
    summary:
      'A claim as a practice-management system sends it: canonical JSON, FHIR R4 Claim/Bundle or X12 837P (content-type header), ' +
      "on its owner's own topic. Only the owner's principal may write it (SASL/SCRAM credentials from `claimflow kafka-credentials`); " +
      'the submitter is the owner the topic names: cf-submitter-id is ignored, and a body naming another submitterId is dead-lettered.',
    payload: { description: 'the claim document in the format its content-type names' },
    contentType: 'application/json',
    producers: ['practice-management system (the owner)'],
    consumers: ['ingest'],
  },
  {
    name: 'ClaimResult',
    channel: 'claimResults',
    summary:
      "Each final result of an owner's claim (priced, rejected, replaced or voided; whichever channel the claim came by), " +
      "the same answer GET /v1/claims/{id} gives, published once per final result through ingest's outbox (message id " +
      "result:<claim id>:<status>, so a redelivery is recognisable). Only the owner's principal may read it.",
    payload: ClaimViewSchema,
    producers: ['ingest'],
    consumers: ['practice-management system (the owner)'],
  },
  {
    name: 'ClaimNormalized',
    channel: 'claimsNormalized',
    summary: 'A claim in canonical form',
    payload: ClaimNormalizedV1,
    producers: ['ingest'],
    consumers: ['validator'],
  },
  {
    name: 'ClaimValidated',
    channel: 'claimsValidated',
    summary: 'A claim with its edits',
    payload: ClaimValidatedV1,
    producers: ['validator'],
    consumers: ['pricing', 'ingest'],
  },
  {
    name: 'ClaimPriced',
    channel: 'claimsPriced',
    summary: 'A claim with its edits and Medicare fee-schedule price (or why it could not be priced)',
    payload: ClaimPricedV1,
    producers: ['pricing'],
    consumers: ['ingest'],
  },
  {
    name: 'ClaimDeadLettered',
    channel: 'claimsDeadLetter',
    summary: 'A message that failed its contract or its handler, with the reason and its original bytes',
    payload: ClaimDeadLetteredV1,
    producers: ['ingest', 'validator', 'pricing', 'feedback'],
    consumers: ['ingest'],
  },
  {
    name: 'DenialReportSubmitted',
    channel: 'denialReportsSubmitted',
    summary:
      'An anonymous denial report, from ingest (the only principal allowed to write this topic) for each denied line of a ' +
      'remittance posted with contribute=true. The reporter is the owner of the sending API key (its id in a header, looked up by feedback: a ' +
      'live key with reports:submit, else dead-lettered as REPORTER_INVALID; the owner keyed-hashed, never stored).',
    payload: DenialReportSubmittedV1,
    headers: {
      [REPORTER_HEADER]: z
        .uuid()
        .meta({ description: 'id of the API key that reported (keys.api_key.id); a report without a live reporter key is dead-lettered' }),
    },
    producers: ['ingest (remittances)'],
    consumers: ['feedback'],
  },
];

const OWNER_PARAMETER = {
  description:
    'the submitting owner (the API-key owner; letters, digits, _ and -), one topic pair per owner, created with its ' +
    'SASL/SCRAM credentials and LITERAL ACLs by `npx claimflow kafka-credentials create --owner <owner>`',
};

/** AsyncAPI 3.0 document of ClaimFlow's Kafka topics, from the same zod schemas the consumers validate with. */
export function buildAsyncApi(): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  for (const m of MESSAGES) {
    const ref = { $ref: `#/channels/${m.channel}/messages/${m.name}` };
    const owned = m.channel in OWNER_TOPICS;
    channels[m.channel] = {
      address: owned ? ownerTopicPattern(OWNER_TOPICS[m.channel as keyof typeof OWNER_TOPICS]) : TOPICS[m.channel as keyof typeof TOPICS],
      messages: { [m.name]: { $ref: `#/components/messages/${m.name}` } },
      ...(owned ? { parameters: { [OWNER_PLACEHOLDER.slice(1, -1)]: OWNER_PARAMETER } } : {}),
    };
    messages[m.name] = {
      name: m.name,
      title: `${m.name}.v1`,
      summary: m.summary,
      contentType: m.contentType ?? 'application/json',
      correlationId: { location: `$message.header#/${HEADERS.correlationId}` },
      headers: { schemaFormat: SCHEMA_FORMAT, schema: jsonSchema(EnvelopeHeaders.extend(m.headers ?? {})) },
      payload: m.payload instanceof z.ZodType ? { schemaFormat: SCHEMA_FORMAT, schema: jsonSchema(m.payload) } : m.payload,
    };
    const channel = { $ref: `#/channels/${m.channel}` };
    operations[`send${m.name}`] = { action: 'send', channel, messages: [ref], description: `produced by ${m.producers.join(', ')}` };
    operations[`receive${m.name}`] = { action: 'receive', channel, messages: [ref], description: `consumed by ${m.consumers.join(', ')}` };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'ClaimFlow events',
      version: API_VERSION,
      description:
        'Kafka topics of the claim pipeline. Every message carries its envelope in headers and the claim id as key; ' +
        'TOPIC_SUFFIX is appended to every address when set.',
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
