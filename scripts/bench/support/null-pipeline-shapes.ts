import { OWNER_TOPICS, TOPICS, ownerTopic } from '@claimflow/contracts';
import type { NullPipelineShape } from './null-pipeline';

/**
 * The bare null pipeline's message size: a compact claim message as issue #30 sets the target for the
 * transport's own ceiling (430 bytes: the size the issue measured 16,906 messages/s at on this machine).
 */
export const BARE_MESSAGE_BYTES = 430;

/**
 * The real pipeline's hops with the real messages' sizes: the bench (admin, playing the PM system) writes the
 * submit topic, ingest, validator and pricing each forward under their own principal and group (their ACLs are
 * prefixes of the real topic and group names), the bench's recorder (admin) reads the priced topic.
 */
export function sameSizesNullPipeline(suffix: string, sizes: readonly [number, number, number, number]): NullPipelineShape {
  const at = `${suffix}.null`;
  return {
    topics: [ownerTopic(OWNER_TOPICS.claimsSubmitted, 'bench'), TOPICS.claimsNormalized, TOPICS.claimsValidated, TOPICS.claimsPriced].map(
      (t) => t + at,
    ),
    sizes,
    principals: { source: 'admin', hops: ['ingest', 'validator', 'pricing'], sink: 'admin' },
    groups: { hops: ['ingest', 'validator', 'pricing'].map((s) => `claimflow-${s}${at}`), sink: `bench-null-sink${at}` },
  };
}

/**
 * Bare kafkajs: three hops over three topics with 430-byte values passed on untouched (no decoding, no
 * validation, no encoding). ingest produces on the normalized topic, validator forwards it to the validated
 * topic, pricing to the priced topic, and ingest consumes that, as the real principals and ACLs allow.
 */
export function bareNullPipeline(suffix: string): NullPipelineShape {
  const at = `${suffix}.bare`;
  return {
    topics: [TOPICS.claimsNormalized, TOPICS.claimsValidated, TOPICS.claimsPriced].map((t) => t + at),
    sizes: [BARE_MESSAGE_BYTES, BARE_MESSAGE_BYTES, BARE_MESSAGE_BYTES],
    principals: { source: 'ingest', hops: ['validator', 'pricing'], sink: 'ingest' },
    groups: { hops: ['validator', 'pricing'].map((s) => `claimflow-${s}${at}`), sink: `claimflow-ingest${at}` },
  };
}
