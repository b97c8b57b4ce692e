import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINAL_CLAIM_STATUSES } from '@claimflow/domain';

const MIGRATIONS = join(__dirname, '../../../../prisma/migrations');

describe('the claim_result_owed trigger', () => {
  it.each(['20261205230000_claim_results', '20261206121000_result_owed_when'])(
    'queues a result for exactly the final statuses of the lifecycle (%s)',
    (migration) => {
      const sql = readFileSync(join(MIGRATIONS, migration, 'migration.sql'), 'utf8');
      const listed = /NEW\."status" IN \(([^)]*)\)/.exec(sql)?.[1];
      expect(listed).toBeDefined();
      const statuses = [...listed!.matchAll(/'([a-z]+)'/g)].map((m) => m[1]).sort();
      expect(statuses).toEqual([...FINAL_CLAIM_STATUSES].sort());
    },
  );
});
