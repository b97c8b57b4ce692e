import { Client } from 'pg';
import { waitFor } from '@claimflow/testing';

const FINAL = ['priced', 'rejected', 'replaced', 'voided'];

/** What the acknowledged claims (submitter claim id -> claim id) came to, counted from the ledger itself. */
export interface ClaimOutcome {
  readonly acknowledged: number;
  /** Final, with exactly one ledger row for its submitter claim id. */
  readonly exactlyOne: number;
  /** Acknowledged but not in the ledger. */
  readonly lost: number;
  /** In the ledger but not final. */
  readonly stuck: number;
  /** More than one ledger row for one submitter claim id. */
  readonly doubled: number;
  /** The owner's ledger rows by status. */
  readonly statuses: Record<string, number>;
}

/** Waits (up to settleMs) for every acknowledged claim to be final, then counts from the ledger. */
export async function countOutcomes(
  url: string,
  owner: string,
  acknowledged: ReadonlyMap<string, string>,
  settleMs: number,
): Promise<ClaimOutcome> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const ids = [...acknowledged.values()];
    const finalCount = async () =>
      (await client.query('SELECT 1 FROM claim_ledger WHERE id = ANY($1::uuid[]) AND status = ANY($2)', [ids, FINAL])).rowCount;
    await waitFor(async () => (await finalCount()) === ids.length, {
      description: 'every claim final',
      timeoutMs: settleMs,
      intervalMs: 500,
    }).catch(() => undefined);
    const { rows } = await client.query<{ id: string; submitter_claim_id: string; status: string }>(
      'SELECT id, submitter_claim_id, status FROM claim_ledger WHERE submitter_id = $1',
      [owner],
    );
    const byId = new Map(rows.map((r) => [r.id, r.status]));
    const rowsPerClaim = new Map<string, number>();
    for (const r of rows) rowsPerClaim.set(r.submitter_claim_id, (rowsPerClaim.get(r.submitter_claim_id) ?? 0) + 1);
    const all = [...acknowledged];
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    return {
      statuses,
      acknowledged: all.length,
      exactlyOne: all.filter(([sc, id]) => FINAL.includes(byId.get(id) ?? '') && rowsPerClaim.get(sc) === 1).length,
      lost: all.filter(([, id]) => !byId.has(id)).length,
      stuck: all.filter(([, id]) => byId.has(id) && !FINAL.includes(byId.get(id)!)).length,
      doubled: all.filter(([sc]) => (rowsPerClaim.get(sc) ?? 0) > 1).length,
    };
  } finally {
    await client.end();
  }
}

/** countOutcomes for each group of claims (submitter claim id -> group), once all had their time to settle. */
export async function countPerPhase(
  url: string,
  owner: string,
  acknowledged: ReadonlyMap<string, string>,
  phases: ReadonlyMap<string, string>,
): Promise<Record<string, ClaimOutcome>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [submitterClaimId, claimId] of acknowledged) {
    const name = phases.get(submitterClaimId) ?? 'unknown';
    (groups.get(name) ?? groups.set(name, new Map()).get(name)!).set(submitterClaimId, claimId);
  }
  const counted: Record<string, ClaimOutcome> = {};
  for (const [name, group] of groups) counted[name] = await countOutcomes(url, owner, group, 0);
  return counted;
}
