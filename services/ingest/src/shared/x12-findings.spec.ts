import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse837 } from '@claimflow/domain';
import { X12Findings } from './x12-findings';
import { messageSubmissionId } from '../submit-claim/submission';

const mixed = readFileSync(join(__dirname, '../../../../libs/domain/src/intake/__fixtures__/x12/mixed-claims.x12'));

async function* chunks(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('X12Findings', () => {
  it('reads the ISA parties from a stream split inside the ISA, and keeps the findings without the claims', async () => {
    const findings = new X12Findings();
    const tapped = findings.tap(chunks(mixed, 40)) as AsyncIterable<Uint8Array>;
    for await (const r of parse837(tapped)) findings.note(r);
    const summary = findings.summary();
    expect(summary).toMatchObject({
      sender: { qualifier: 'ZZ', id: 'NORTHSIDEPAIN' },
      receiver: { qualifier: 'ZZ', id: 'CLAIMFLOW' },
      usage: 'T',
    });
    expect(summary.groups.map((g) => [g.control, g.transactionSets.map((s) => [s.control, s.segmentErrors.length > 0])])).toEqual([
      ['103', [['0001', true]]],
    ]);
    expect(JSON.stringify(summary)).not.toContain('1EG4TE5MK73');
  });

  it('has no parties when the ISA cannot be read, or names a party no acknowledgment can be addressed to', () => {
    const findings = new X12Findings();
    expect(findings.tap('not an interchange')).toBe('not an interchange');
    expect(findings.summary()).toEqual({ groups: [] });
    const unaddressable = new X12Findings();
    unaddressable.tap(mixed.toString('utf8').replace('*ZZ*NORTHSIDEPAIN', '*zz*NORTHSIDEPAIN'));
    expect(unaddressable.summary()).toEqual({ groups: [] });
  });
});

describe('messageSubmissionId', () => {
  it('names a Kafka message by its place: the same message the same submission, another message another', () => {
    const id = messageSubmissionId('claims.submitted.clinic-a', 0, '42');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(messageSubmissionId('claims.submitted.clinic-a', 0, '42')).toBe(id);
    expect(messageSubmissionId('claims.submitted.clinic-a', 0, '43')).not.toBe(id);
    expect(messageSubmissionId('claims.submitted.clinic-a', 1, '42')).not.toBe(id);
  });
});
