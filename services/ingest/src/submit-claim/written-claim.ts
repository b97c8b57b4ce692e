import { hash } from 'node:crypto';
import type { Claim } from '@claimflow/domain';

/** A claim as JSON, written once at intake: the text its ledger row stores, and its content identity. */
export interface WrittenClaim {
  /** The whole claim, its id first (the ledger stores it as jsonb, where the order of keys is not kept). */
  readonly json: string;
  /** SHA-256 of everything the submitter sent, minus the id we assigned: of the same text, without the id. */
  readonly contentHash: string;
}

/**
 * The claim's content is serialised once, for its hash and for its ledger row. Both used to write it: the content for
 * the hash, the claim again inside the ledger rows, about 1% of ingest's CPU a claim at intake.
 */
export function writeClaim(claim: Claim): WrittenClaim {
  const { claimId, ...content } = claim;
  const contentJson = JSON.stringify(content);
  const id = `"claimId":${JSON.stringify(claimId)}`;
  return {
    json: contentJson === '{}' ? `{${id}}` : `{${id},${contentJson.slice(1)}`,
    contentHash: hash('sha256', contentJson, 'hex'),
  };
}
