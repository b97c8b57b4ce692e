import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim } from '../../claim/claim.schema';
import { parse835Text } from '../../x12/parse-835';
import type { RemitClaim } from '../../x12/remit-835.types';
import { claimWith } from '../../validation/testing/claim.fixture';
import type { LedgerClaimRef } from '../match-remittance';

/** The claim payments of a golden 835 fixture (throws on any problem). */
export function remitClaims(name: string): RemitClaim[] {
  const text = readFileSync(join(__dirname, '..', '..', 'intake', '__fixtures__', 'x835', name), 'utf8');
  return parse835Text(text).map((r) => {
    if (!r.result.ok) throw new Error(`${name}: ${r.result.error.map((e) => e.code).join(', ')}`);
    return r.result.value;
  });
}

/** The ledger claims the fixtures answer (the same patient control numbers, codes and dates). */
export const LEDGER_CLAIMS: readonly Claim[] = [
  claimWith(
    [
      { code: '62323', dateOfService: '2025-03-14' },
      { code: '77003', modifiers: ['26'], dateOfService: '2025-03-14' },
    ],
    { claimId: 'c-lesi', submitterClaimId: 'LESI-2025-0001', placeOfService: '22', locality: { carrier: '13202', locality: '01' } },
  ),
  claimWith([{ code: '64490', dateOfService: '2025-04-02' }], { claimId: 'c-facet', submitterClaimId: 'FACET-2025-0002' }),
  claimWith([{ code: '76000', dateOfService: '2025-04-05' }], { claimId: 'c-fluoro', submitterClaimId: 'FLUORO-2025-0003' }),
];

export const ledgerRef = (claim: Claim): LedgerClaimRef => ({
  claimId: claim.claimId,
  submitterClaimId: claim.submitterClaimId,
  lines: claim.lines,
});
