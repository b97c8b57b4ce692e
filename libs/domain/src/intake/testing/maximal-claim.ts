import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** 50 unrelated codes on one date: far dirtier than any real claim (467 edits, mostly PTP pairs), the most a check can be asked. */
const CODES = [
  ...['62321', '62323', '62320', '62322', '77003', '77002', '77001', '76000', '77012', '77021', '64490', '64491', '64493'],
  ...['64494', '64483', '64484', '64520', '64510', '36556', '36569', '21550', '44500', '20610', '20611', '20552', '20553'],
  ...['27093', '27095', '99213', '99214', '99215', '99203', '99204', '96372', 'J1030', 'J3301', '20600', '20605', '64450'],
  ...['64415', '64445', '62270', '72148', '72100', '73030', '73560', '71046', '70450', '64479', '64480'],
];
const FIXTURE = join(__dirname, '../__fixtures__/json/lesi-pos22.claim.json');

/** A canonical claim of 50 lines (the fixture's first line, once per code), as JSON text. */
export function maximalClaim(submitterClaimId = 'MAXIMAL-CHECK'): string {
  const claim = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { lines: Record<string, unknown>[] } & Record<string, unknown>;
  const first = claim.lines[0];
  const lines = CODES.map((code, i) => ({ ...first, lineNumber: i + 1, code, modifiers: [], units: 1 }));
  return JSON.stringify({ ...claim, submitterClaimId, lines });
}
