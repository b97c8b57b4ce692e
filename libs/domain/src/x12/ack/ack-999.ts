import { IMPLEMENTATION_837P } from '../envelope';
import type { Ak9Code, AckCode, Ik3Code, Ik4Code, Ik5Code } from './ack-999.codes';
import { writeInterchange, type AckEnvelope } from './ack-envelope';

export const IMPLEMENTATION_999 = '005010X231A1';

/** IK4: one element of a segment in error. */
export interface Ack999ElementError {
  /** IK401-1, the element's position in its segment (SV104 = 4). */
  readonly position: number;
  /** IK401-2, the component within a composite (SV101-2 = 2). */
  readonly component?: number;
  /** IK402, the X12 data element reference number (SV104: 380). */
  readonly reference?: string;
  readonly code: Ik4Code;
}

/** IK3: one segment in error, with its element errors. The copy of the bad data (IK404) is never written. */
export interface Ack999SegmentError {
  readonly segmentId: string;
  /** IK302, the segment's position in its transaction set, ST = 1. */
  readonly position: number;
  /** IK303, the loop the segment is in (2400), when it is in one. */
  readonly loop?: string;
  readonly code: Ik3Code;
  readonly elements: readonly Ack999ElementError[];
}

/** One 837 transaction set received (AK2 ... IK5). */
export interface Ack999TransactionSet {
  /** ST02 of the 837. */
  readonly control: string;
  readonly segmentErrors: readonly Ack999SegmentError[];
  readonly syntaxErrors: readonly Ik5Code[];
  /** Refused whatever its own findings (ClaimFlow refuses an interchange as a whole when its envelope is wrong). */
  readonly rejected: boolean;
}

/** One 837 functional group received (AK1 ... AK9): one 999 transaction set acknowledges it. */
export interface Ack999Group {
  /** GS06 of the 837. */
  readonly control: string;
  /** GE01 as the 837 states it; defaults to the number of transaction sets received. */
  readonly transactionSetsIncluded?: number;
  readonly transactionSets: readonly Ack999TransactionSet[];
  readonly syntaxErrors: readonly Ak9Code[];
  readonly rejected: boolean;
}

export interface Ack999Input {
  readonly envelope: AckEnvelope;
  readonly groups: readonly Ack999Group[];
}

/** IK501: rejected when refused or its envelope is wrong, accepted with errors noted when segments are in error. */
export function transactionSetAck(set: Ack999TransactionSet): AckCode {
  if (set.rejected || set.syntaxErrors.length > 0) return 'R';
  return set.segmentErrors.length > 0 ? 'E' : 'A';
}

/** AK901 from the group's own problems and its transaction sets. */
export function groupAck(group: Ack999Group): AckCode {
  const codes = group.transactionSets.map(transactionSetAck);
  if (group.rejected || group.syntaxErrors.length > 0 || codes.length === 0 || codes.every((c) => c === 'R')) return 'R';
  if (codes.includes('R')) return 'P';
  return codes.includes('E') ? 'E' : 'A';
}

/**
 * The 999 Implementation Acknowledgment (005010X231A1) of an 837P interchange: one 999 transaction set per
 * functional group received, one AK2 loop per transaction set, IK3/IK4 for each segment and element in error.
 */
export function build999(input: Ack999Input): string {
  const bodies = input.groups.map(groupBody);
  return writeInterchange(input.envelope, { transactionSet: '999', implementation: IMPLEMENTATION_999, functionalId: 'FA' }, bodies);
}

function groupBody(group: Ack999Group): string[] {
  const segments = [`AK1*HC*${group.control}*${IMPLEMENTATION_837P}`];
  for (const set of group.transactionSets) {
    segments.push(`AK2*837*${set.control}*${IMPLEMENTATION_837P}`);
    for (const s of set.segmentErrors) {
      segments.push(trim(['IK3', s.segmentId, String(s.position), s.loop ?? '', s.code]));
      for (const e of s.elements) {
        const at = e.component === undefined ? String(e.position) : `${e.position}:${e.component}`;
        segments.push(trim(['IK4', at, e.reference ?? '', e.code]));
      }
    }
    const ack = transactionSetAck(set);
    const codes = [...set.syntaxErrors, ...(ack !== 'A' && set.segmentErrors.length > 0 ? ['I5'] : [])];
    segments.push(trim(['IK5', ack, ...codes.slice(0, 5)]));
  }
  const ack = groupAck(group);
  const received = group.transactionSets.length;
  const accepted = ack === 'R' ? 0 : group.transactionSets.filter((s) => transactionSetAck(s) !== 'R').length;
  const included = group.transactionSetsIncluded ?? received;
  segments.push(trim(['AK9', ack, String(included), String(received), String(accepted), ...group.syntaxErrors.slice(0, 5)]));
  return segments;
}

/** Elements joined, trailing empty ones dropped (X12 writes no trailing separators). */
function trim(elements: string[]): string {
  let end = elements.length;
  while (end > 1 && elements[end - 1] === '') end--;
  return elements.slice(0, end).join('*');
}
