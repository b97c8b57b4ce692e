import { z } from 'zod';
import { ClaimSchema } from '../../claim/claim.schema';

/**
 * JSON Schema of the canonical claim as submitters send it (input side: defaults optional),
 * published as docs/claim.schema.json.
 */
export function claimJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ClaimSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://claimflow.dev/schemas/claim.schema.json',
    title: 'ClaimFlow canonical claim',
    description:
      'The canonical Medicare claim every intake format is normalized into. Fields with defaults may be omitted; on submission ClaimFlow assigns claimId and ignores any value sent.',
  };
}
