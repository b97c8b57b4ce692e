import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim } from '../claim/claim.schema';
import { normalizeClaim } from '../intake/normalize/normalize-claim';
import { parse837Text } from './parse-837';
import { write837 } from './write-837';

const dir = join(__dirname, '../intake/__fixtures__/scenarios');
const scenarios: Claim[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = normalizeClaim(JSON.parse(readFileSync(join(dir, f), 'utf8')), { claimId: f });
    if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.error)}`);
    return r.value;
  });
const comparable = ({ claimId: _id, ...claim }: Claim) => ({ ...claim, lines: claim.lines.map(({ documentation: _d, ...line }) => line) });

describe('write837', () => {
  it('round-trips every seed scenario through 837P (documentation has no 837P element)', () => {
    const text = [...write837(scenarios, { control: 7, date: '2025-10-01' })].join('');
    const results = parse837Text(text);
    expect(results.every((r) => r.scope === 'claim' && r.result.ok)).toBe(true);
    expect(results.map((r) => (r.result.ok ? comparable(r.result.value) : null))).toEqual(scenarios.map(comparable));
  });

  it('writes line-level place of service and rendering provider when they differ from the claim', () => {
    const [claim] = scenarios;
    const varied: Claim = {
      ...claim,
      lines: [{ ...claim.lines[0], placeOfService: '19', renderingProviderNpi: '1765243807' }, ...claim.lines.slice(1)],
    };
    const [r] = parse837Text([...write837([varied], { control: 8 })].join(''));
    expect(r.result.ok && comparable(r.result.value)).toEqual(comparable(varied));
  });
});
