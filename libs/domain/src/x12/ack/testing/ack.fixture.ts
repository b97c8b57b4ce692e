import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvelopeTracker, type TransactionSpec } from '../../envelope';
import { SegmentReader, type X12Segment } from '../../segment-reader';
import type { AckEnvelope } from '../ack-envelope';

export const ACK_ENVELOPE: AckEnvelope = {
  sender: { qualifier: 'ZZ', id: 'CLAIMFLOW' },
  receiver: { qualifier: 'ZZ', id: 'PMSYSTEM01' },
  interchangeControl: 700000001,
  groupControl: 7001,
  createdAt: new Date('2026-03-02T14:05:00Z'),
  usage: 'T',
};

const FIXTURES = join(__dirname, '../../../intake/__fixtures__');

export const read837 = (name: string): string => readFileSync(join(FIXTURES, 'x12', name), 'utf8');

/**
 * The golden file's text, after writing `actual` to it when UPDATE_ACK_GOLDEN=1.
 * Regenerate with: UPDATE_ACK_GOLDEN=1 npx jest libs/domain/src/x12/ack
 */
export function golden(name: string, actual: string): string {
  const file = join(FIXTURES, 'ack', name);
  if (process.env.UPDATE_ACK_GOLDEN === '1') writeFileSync(file, actual);
  return readFileSync(file, 'utf8');
}

/**
 * Reads an acknowledgment back with the project's own tokenizer and envelope checks (ISA/IEA, GS/GE, ST/SE control
 * numbers, SE01 segment counts, GE01 and IEA01 counts, ST01/ST03/GS08): the segments, and every problem found.
 */
export function readBack(text: string, spec: TransactionSpec): { segments: X12Segment[]; problems: string[] } {
  const reader = new SegmentReader();
  const tracker = new EnvelopeTracker(spec);
  const segments: X12Segment[] = [];
  const problems: string[] = [];
  for (const token of [...reader.push(text), ...reader.end()]) {
    if (token.kind === 'error') {
      problems.push(`${token.code}: ${token.message}`);
      continue;
    }
    segments.push(token.segment);
    const s = token.segment;
    const found = ['ISA', 'GS', 'ST'].includes(s.id) ? tracker.open(s) : ['SE', 'GE', 'IEA'].includes(s.id) ? tracker.close(s) : [];
    problems.push(...found.map((e) => `${e.code}: ${e.message}`));
  }
  problems.push(...tracker.end().map((e) => `${e.code}: ${e.message}`));
  return { segments, problems };
}

/** The segments with this id, as element arrays without the id (IK3 -> ['SV1', '29', '2400', '8']). */
export const elementsOf = (segments: readonly X12Segment[], id: string): string[][] =>
  segments.filter((s) => s.id === id).map((s) => s.elements.slice(1) as string[]);
