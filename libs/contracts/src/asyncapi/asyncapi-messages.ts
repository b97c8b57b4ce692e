import { z } from 'zod';
import { ClaimDeadLetteredV1, ClaimNormalizedV1, ClaimPricedV1, ClaimValidatedV1 } from '../messages/claim-messages';
import { ClaimNormalizedV2, ClaimPricedV2, ClaimValidatedV2 } from '../messages/compact-messages';
import { DenialReportSubmittedV1, REPORTER_HEADER } from '../messages/denial-report-messages';
import { ClaimViewSchema } from '../http/ingest.schema';
import { ClaimResultV2Schema } from '../messages/owner-results';
import type { OWNER_TOPICS, TOPICS, TOPICS_V1 } from '../topics';

/** One message of the AsyncAPI document: its channel, payload schema, producers and consumers. */
export interface MessageSpec {
  readonly name: string;
  /** The message's version (its title is name.version); v1 unless said. */
  readonly version?: 'v1' | 'v2';
  readonly channel: keyof typeof TOPICS | keyof typeof OWNER_TOPICS | `${keyof typeof TOPICS_V1}V1`;
  readonly summary: string;
  readonly payload: z.ZodType | Record<string, unknown>;
  readonly contentType?: string;
  /** Headers this message carries besides the envelope. */
  readonly headers?: Readonly<Record<string, z.ZodType>>;
  readonly producers: readonly string[];
  readonly consumers: readonly string[];
}

export const MESSAGES: readonly MessageSpec[] = [
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
    version: 'v2',
    channel: 'claimResultsV2',
    summary:
      "Each final result of an owner's claim (priced, rejected, replaced or voided; whichever channel the claim came by), " +
      'GET /v1/claims/{id} without the claim the owner sent, each fact once: every edit whole (message, source, fix) naming ' +
      "the claim's lines by number, the outcome, the pricing by line index (expandOwnerResult in @claimflow/contracts gives " +
      "GET's whole result back from it and the claim). Published once per final result through ingest's outbox (message id " +
      "result:<claim id>:<status>, so a redelivery is recognisable). Only the owner's principal may read it.",
    payload: ClaimResultV2Schema,
    producers: ['ingest'],
    consumers: ['practice-management system (the owner)'],
  },
  {
    name: 'ClaimResult',
    channel: 'claimResults',
    summary:
      'The results of an owner not moved to ClaimResult.v2 yet (`claimflow kafka-credentials upgrade-results`, README): ' +
      "the same answer GET /v1/claims/{id} gives, published once per final result through ingest's outbox (message id " +
      "result:<claim id>:<status>). Only the owner's principal may read it.",
    payload: ClaimViewSchema,
    producers: ['ingest'],
    consumers: ['practice-management system (the owner)'],
  },
  {
    name: 'ClaimNormalized',
    version: 'v2',
    channel: 'claimsNormalized',
    summary: 'A claim in canonical form',
    payload: ClaimNormalizedV2,
    producers: ['ingest'],
    consumers: ['validator'],
  },
  {
    name: 'ClaimValidated',
    version: 'v2',
    channel: 'claimsValidated',
    summary:
      'A claim with what validating it found, each edit once; the lines, outcome and corrected claim follow from them and ' +
      'the claim (the domain completes them: completeValidation). Ingest reads it once INGEST_VALIDATION_HOLD_MS old: ' +
      'the priced message carries the same findings, so a claim priced by then is not written again',
    payload: ClaimValidatedV2,
    producers: ['validator'],
    consumers: ['pricing', 'ingest'],
  },
  {
    name: 'ClaimPriced',
    version: 'v2',
    channel: 'claimsPriced',
    summary:
      'A claim by its id (claimId: ingest completes the result from the claim in its ledger; until issue #30, before ' +
      'v2 was released, v2 carried the whole claim) with its findings (as validated) and its Medicare fee-schedule ' +
      "price (or why it could not be priced); each priced line stands at its claim line's index and leaves out what " +
      'that line says (number, code, modifiers, units, date)',
    payload: ClaimPricedV2,
    producers: ['pricing'],
    consumers: ['ingest'],
  },
  ...(
    [
      ['ClaimNormalized', 'claimsNormalized', ClaimNormalizedV1, 'ingest (its outbox rows written before the upgrade)', 'validator'],
      ['ClaimValidated', 'claimsValidated', ClaimValidatedV1, 'nothing since v2', 'pricing, ingest'],
      ['ClaimPriced', 'claimsPriced', ClaimPricedV1, 'nothing since v2', 'ingest'],
    ] as const
  ).map(([name, channel, payload, producer, consumers]): MessageSpec => ({
    name,
    channel: `${channel}V1`,
    summary: `Superseded by ${name}.v2: still consumed while a deployment rolls over, so a claim in flight finishes (README)`,
    payload,
    producers: [producer],
    consumers: [consumers],
  })),
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
