import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINAL_CLAIM_STATUSES } from '@claimflow/domain';

const MIGRATIONS = join(__dirname, '../../../../prisma/migrations');

describe("the triggers that queue a final claim's result", () => {
  it.each(['20261205230000_claim_results', '20261206121000_result_owed_when', '20261207100000_final_claims_by_statement'])(
    'queue a result for exactly the final statuses of the lifecycle, in every list (%s)',
    (migration) => {
      const sql = readFileSync(join(MIGRATIONS, migration, 'migration.sql'), 'utf8');
      const lists = [...sql.matchAll(/\."status" IN \(([^)]*)\)/g)].map((m) => [...m[1].matchAll(/'([a-z]+)'/g)].map((s) => s[1]).sort());
      expect(lists.length).toBeGreaterThan(0);
      for (const statuses of lists) expect(statuses).toEqual([...FINAL_CLAIM_STATUSES].sort());
    },
  );
});
