import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINAL_CLAIM_STATUSES } from '@claimflow/domain';

describe('the claim_result_owed trigger', () => {
  it('queues a result for exactly the final statuses of the lifecycle', () => {
    const sql = readFileSync(join(__dirname, '../../../../prisma/migrations/20261205230000_claim_results/migration.sql'), 'utf8');
    const listed = /NEW\."status" IN \(([^)]*)\)/.exec(sql)?.[1];
    expect(listed).toBeDefined();
    const statuses = [...listed!.matchAll(/'([a-z]+)'/g)].map((m) => m[1]).sort();
    expect(statuses).toEqual([...FINAL_CLAIM_STATUSES].sort());
  });
});
