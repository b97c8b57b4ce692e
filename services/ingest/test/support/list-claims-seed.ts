import type { Client } from 'pg';
import { randomUUID } from 'node:crypto';

/** A ledger row the list tests wrote, with the facts GET /v1/claims should answer for it. */
export interface SeededClaim {
  readonly id: string;
  readonly submitterClaimId: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly serviceFrom?: string;
  readonly serviceTo?: string;
  readonly editCodes: string[];
  readonly denied?: boolean;
  readonly payerOutcome: boolean;
}

const STATUSES = ['priced', 'rejected', 'validated', 'normalized', 'received', 'replaced', 'voided', 'priced'];
const WITH_RESULT = new Set(['validated', 'priced', 'replaced', 'voided']);
const day = (offset: number) => new Date(Date.UTC(2026, 9, 1 + offset)).toISOString().slice(0, 10);

/**
 * 42 claims of `owner` written as the ledger stores them (claim and result documents; the list's columns left to
 * the trigger that fills them for an earlier ingest's writes, migration 20261206120000_ledger_facets): four claims to each receipt minute from 2026-11-01T00:00Z (ties broken by id), every
 * status, lines dated 2026-10-01 to 10-12, PTP_BUNDLED (a denied line) on every third, MUE_EXCEEDED (a warning)
 * on every fifth, an 835 answer on every other priced claim; and two claims numbered PCN-DUP.
 */
export async function seedLedger(sql: Client, owner: string): Promise<SeededClaim[]> {
  const claims: SeededClaim[] = [];
  const rows: unknown[] = [];
  for (let i = 0; i < 42; i++) {
    const status = STATUSES[i % STATUSES.length];
    const stored = status !== 'rejected';
    const [from, to] = [day(i % 10), day((i % 10) + (i % 3))];
    const edits = [...(i % 3 === 0 ? ['PTP_BUNDLED'] : []), ...(i % 5 === 0 ? ['MUE_EXCEEDED'] : [])];
    const hasResult = WITH_RESULT.has(status);
    const claim = {
      id: randomUUID(),
      submitterClaimId: i >= 40 ? 'PCN-DUP' : `PCN-${i}`,
      status,
      receivedAt: new Date(Date.UTC(2026, 10, 1, 0, Math.floor(i / 4))).toISOString(),
      ...(stored ? { serviceFrom: from, serviceTo: to } : {}),
      editCodes: hasResult ? [...edits].sort() : [],
      ...(hasResult ? { denied: i % 3 === 0 } : {}),
      payerOutcome: status === 'priced' && i % 2 === 0,
    };
    claims.push(claim);
    rows.push({
      id: claim.id,
      submitter_claim_id: claim.submitterClaimId,
      content_hash: `hash-${i}`,
      status,
      received_at: claim.receivedAt.replace('Z', ''),
      claim: stored
        ? {
            submitterClaimId: claim.submitterClaimId,
            lines: [
              { lineNumber: 1, code: '77003', dateOfService: to },
              { lineNumber: 2, code: '62323', dateOfService: from },
            ],
          }
        : null,
      result: hasResult
        ? {
            validation: {
              edits: edits.map((code) => ({ code, severity: code === 'PTP_BUNDLED' ? 'deny' : 'warn', lines: [1] })),
              lines: [
                { lineNumber: 1, denied: i % 3 === 0 },
                { lineNumber: 2, denied: false },
              ],
            },
          }
        : null,
    });
  }
  await sql.query(
    `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id, received_at, claim, result)
     SELECT v.id, $2, v.submitter_claim_id, v.content_hash, 'json', v.status, 'seed', v.received_at, v.claim, v.result
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, submitter_claim_id text, content_hash text, status text, received_at timestamp(3),
       claim jsonb, result jsonb)`,
    [JSON.stringify(rows), owner],
  );
  await sql.query(
    `INSERT INTO ledger.remit_line_outcome (claim_id, line_number, submitter_id, outcome, carc_codes, rarc_codes, charge_cents, paid_cents,
       claim_status, payer_claim_control_number)
     SELECT id, line, $2, 'paid', '{}', '{}', 10000, 8000, '1', 'PAYER-1' FROM unnest($1::uuid[]) AS id, generate_series(1, 2) AS line`,
    [claims.filter((c) => c.payerOutcome).map((c) => c.id), owner],
  );
  return claims;
}
