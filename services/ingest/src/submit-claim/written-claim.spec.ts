import { hash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Claim } from '@claimflow/domain';
import { DEMO_SCENARIOS, scenarioClaim } from '../../test/support/scenario-results';
import { writeClaim } from './written-claim';

/** The content identity as intake computed it before writeClaim: a hash of the claim's JSON without its id. */
const hashBefore = (claim: Claim) => {
  const { claimId: _id, ...content } = claim;
  return hash('sha256', JSON.stringify(content), 'hex');
};

describe('a claim written once at intake: its ledger JSON and its content hash', () => {
  it.each(DEMO_SCENARIOS)('%s: the JSON is the claim, the hash as before', (file) => {
    const claim = scenarioClaim(file, randomUUID());
    const written = writeClaim(claim);
    expect(JSON.parse(written.json)).toEqual(JSON.parse(JSON.stringify(claim)));
    expect(written.contentHash).toBe(hashBefore(claim));
  });

  it('the same for any document with an id anywhere among its keys, and for one with nothing but its id', () => {
    const documents = fc.tuple(fc.string(), fc.dictionary(fc.string(), fc.jsonValue()), fc.nat()).map(([claimId, rest, at]) => {
      const entries = Object.entries(rest).filter(([k]) => k !== 'claimId' && k !== '__proto__');
      entries.splice(at % (entries.length + 1), 0, ['claimId', claimId]);
      return Object.fromEntries(entries) as unknown as Claim;
    });
    fc.assert(
      fc.property(documents, (claim) => {
        const written = writeClaim(claim);
        expect(JSON.parse(written.json)).toEqual(JSON.parse(JSON.stringify(claim)));
        expect(written.contentHash).toBe(hashBefore(claim));
      }),
      { numRuns: 300 },
    );
    expect(writeClaim({ claimId: 'only' } as Claim).json).toBe('{"claimId":"only"}');
  });
});
