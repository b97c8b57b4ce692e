import { Client } from 'pg';
import { waitFor } from '@claimflow/testing';

const FINAL = ['priced', 'rejected', 'replaced', 'voided'];

export interface Outcome {
  readonly acknowledged: number;
  readonly exactlyOne: number;
  readonly lost: number;
  readonly stuck: number;
  readonly doubled: number;
}

/** A claim acknowledged by ingest: its id, and the fault under way when it was first sent ('none' between faults). */
export interface Acknowledged {
  readonly claimId: string;
  readonly fault: string;
}

/**
 * Waits (up to settleMs) for every acknowledged claim to be final in the ledger, then counts from the ledger itself:
 * in all, and per fault (claims first sent while it was under way).
 */
export async function countOutcomes(
  url: string,
  submitterId: string,
  acknowledged: ReadonlyMap<string, Acknowledged>,
  settleMs: number,
  log: (line: string) => void,
): Promise<{ total: Outcome; perFault: Record<string, Outcome>; statuses: Record<string, number> }> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const ids = [...acknowledged.values()].map((a) => a.claimId);
    const finalCount = async () =>
      Number(
        (
          await client.query<{ n: string }>('SELECT count(*) AS n FROM claim_ledger WHERE id = ANY($1::uuid[]) AND status = ANY($2)', [
            ids,
            FINAL,
          ])
        ).rows[0]!.n,
      );
    await waitFor(async () => (await finalCount()) === ids.length, {
      description: 'every acknowledged claim final',
      timeoutMs: settleMs,
      intervalMs: 500,
    }).catch((error: Error) => log(error.message.slice(0, 200)));
    const rows = (
      await client.query<{ id: string; submitter_claim_id: string; status: string }>(
        'SELECT id, submitter_claim_id, status FROM claim_ledger WHERE submitter_id = $1',
        [submitterId],
      )
    ).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const perClaim = new Map<string, number>();
    for (const r of rows) perClaim.set(r.submitter_claim_id, (perClaim.get(r.submitter_claim_id) ?? 0) + 1);
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const outcome = (claims: [string, Acknowledged][]): Outcome => ({
      acknowledged: claims.length,
      exactlyOne: claims.filter(([sc, a]) => FINAL.includes(byId.get(a.claimId)?.status ?? '') && perClaim.get(sc) === 1).length,
      lost: claims.filter(([, a]) => !byId.has(a.claimId)).length,
      stuck: claims.filter(([, a]) => byId.has(a.claimId) && !FINAL.includes(byId.get(a.claimId)!.status)).length,
      doubled: claims.filter(([sc]) => (perClaim.get(sc) ?? 0) > 1).length,
    });
    const all = [...acknowledged];
    const faults = [...new Set(all.map(([, a]) => a.fault))];
    const perFault = Object.fromEntries(faults.map((f) => [f, outcome(all.filter(([, a]) => a.fault === f))]));
    return { total: outcome(all), perFault, statuses };
  } finally {
    await client.end();
  }
}
