import { ack999GroupsFrom837, SegmentReader, type X12Party, type X12Result } from '@claimflow/domain';
import type { SubmissionX12 } from '../ledger/submission-ledger.repository';

/** The ISA is 106 characters; whitespace before it is skipped by the reader, within reason. */
const HEAD = 4096;
/** ISA05/ISA07 two letters or digits; ISA06/ISA08 1-15 characters without separators. */
const isParty = (p: X12Party) => /^[A-Z0-9]{2}$/.test(p.qualifier) && /^[^*:^~]{1,15}$/.test(p.id);
const OK = { ok: true, value: undefined } as unknown as X12Result['result'];

/**
 * What the 999 of an 837P submission needs, gathered while intake reads it: the interchange's parties from its ISA
 * (read with the project's tokenizer from the first bytes) and every result's place and findings (claims kept
 * without their content, so memory holds findings, not claims).
 */
export class X12Findings {
  private head = '';
  private parties?: { sender: X12Party; receiver: X12Party; usage: 'P' | 'T' };
  private readonly results: X12Result[] = [];

  /** The payload, unchanged, with its first bytes read on the way. */
  tap(payload: unknown): unknown {
    if (typeof payload === 'string' || payload instanceof Uint8Array) {
      this.read(payload);
      return payload;
    }
    if (!payload || typeof (payload as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== 'function') return payload;
    const source = payload as AsyncIterable<string | Uint8Array>;
    const read = (chunk: string | Uint8Array) => this.read(chunk);
    return (async function* () {
      for await (const chunk of source) {
        read(chunk);
        yield chunk;
      }
    })();
  }

  readonly note = (r: X12Result): void => {
    this.results.push(r.result.ok ? { ...r, result: OK } : r);
  };

  summary(): SubmissionX12 {
    return { ...this.parties, groups: ack999GroupsFrom837(this.results) };
  }

  private read(chunk: string | Uint8Array): void {
    if (this.parties || this.head.length >= HEAD) return;
    this.head += typeof chunk === 'string' ? chunk.slice(0, HEAD) : Buffer.from(chunk.subarray(0, HEAD)).toString('latin1');
    const first = new SegmentReader().push(this.head)[0];
    if (first?.kind !== 'segment' || first.segment.id !== 'ISA') return;
    const e = first.segment.elements;
    const sender = { qualifier: e[5].trim(), id: e[6].trim() };
    const receiver = { qualifier: e[7].trim(), id: e[8].trim() };
    // Parties an acknowledgment cannot be addressed to (no 999 then): the 999's own envelope check would refuse them.
    if (!isParty(sender) || !isParty(receiver)) return;
    this.parties = { sender, receiver, usage: e[15] === 'T' ? 'T' : 'P' };
  }
}
