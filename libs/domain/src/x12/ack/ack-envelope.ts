import { ISA_VERSION } from '../envelope';

/** One party of an interchange: ISA05/ISA07 qualifier (ZZ mutually defined, 30 federal tax id, ...) and its id. */
export interface X12Party {
  readonly qualifier: string;
  /** ISA06/ISA08 (padded to 15) and GS02/GS03. */
  readonly id: string;
}

/**
 * The envelope of an acknowledgment ClaimFlow sends back: from ClaimFlow (the receiver of the 837) to the submitter.
 * Control numbers are the caller's: they must be unique per sender, so they come from a sequence the caller owns.
 */
export interface AckEnvelope {
  readonly sender: X12Party;
  readonly receiver: X12Party;
  /** ISA13/IEA02, 1-999999999. */
  readonly interchangeControl: number;
  /** GS06/GE02, 1-999999999. */
  readonly groupControl: number;
  /** When the acknowledgment was made (ISA09/ISA10, GS04/GS05), UTC. */
  readonly createdAt: Date;
  /** ISA15: P production, T test. */
  readonly usage: 'P' | 'T';
}

/** What one transaction set is: ST01, its implementation guide (ST03, GS08) and the functional identifier (GS01). */
export interface AckSpec {
  readonly transactionSet: '999' | '277';
  readonly implementation: string;
  readonly functionalId: 'FA' | 'HN';
}

const MAX_CONTROL = 999_999_999;
const MAX_ID = 15;

/** CCYYMMDD and HHMM of a UTC instant. */
export function x12DateTime(at: Date): { date: string; time: string } {
  const iso = at.toISOString();
  return { date: iso.slice(0, 10).replace(/-/g, ''), time: iso.slice(11, 16).replace(':', '') };
}

/**
 * ISA/GS ... GE/IEA around transaction sets given as their body segments (without ST and SE): each set gets
 * ST02 = 0001, 0002, ... and SE01 = its body plus ST and SE. Segments are written with `*`, `:`, `^` and `~`,
 * one per line.
 */
export function writeInterchange(envelope: AckEnvelope, spec: AckSpec, bodies: readonly (readonly string[])[]): string {
  checkEnvelope(envelope);
  const { date, time } = x12DateTime(envelope.createdAt);
  const isa13 = String(envelope.interchangeControl).padStart(9, '0');
  const { sender, receiver } = envelope;
  const isa = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    sender.qualifier,
    sender.id.padEnd(MAX_ID),
    receiver.qualifier,
    receiver.id.padEnd(MAX_ID),
    date.slice(2),
    time,
    '^',
    ISA_VERSION,
    isa13,
    '0',
    envelope.usage,
    ':',
  ].join('*');
  const group = envelope.groupControl;
  const segments = [isa, `GS*${spec.functionalId}*${sender.id}*${receiver.id}*${date}*${time}*${group}*X*${spec.implementation}`];
  bodies.forEach((body, i) => {
    const control = String(i + 1).padStart(4, '0');
    segments.push(`ST*${spec.transactionSet}*${control}*${spec.implementation}`, ...body, `SE*${body.length + 2}*${control}`);
  });
  segments.push(`GE*${bodies.length}*${group}`, `IEA*1*${isa13}`);
  return segments.map((s) => `${s}~\n`).join('');
}

function checkEnvelope(envelope: AckEnvelope): void {
  for (const [name, n] of [
    ['interchangeControl', envelope.interchangeControl],
    ['groupControl', envelope.groupControl],
  ] as const) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_CONTROL) throw new RangeError(`${name} must be a whole number from 1 to ${MAX_CONTROL}`);
  }
  for (const party of [envelope.sender, envelope.receiver]) {
    if (!/^[A-Z0-9]{2}$/.test(party.qualifier)) throw new RangeError('an interchange id qualifier is two letters or digits');
    if (party.id.length < 1 || party.id.length > MAX_ID || /[*:^~]/.test(party.id))
      throw new RangeError(`an interchange id is 1-${MAX_ID} characters without separators`);
  }
  if (Number.isNaN(envelope.createdAt.getTime())) throw new RangeError('createdAt must be a valid date');
}

/** Text that goes into an element: separators and line breaks replaced, so a value can never end a segment. */
export function elementText(value: string, max: number): string {
  return value.replace(/[*:^~\r\n]/g, ' ').slice(0, max);
}
