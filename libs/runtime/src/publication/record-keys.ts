import { createHmac, randomBytes } from 'node:crypto';

/**
 * The server secret behind keyed hashes and the record keys of the cell-key rounding (HMAC-SHA256,
 * node:crypto). Never stored. Random per process when none is configured: figures then round afresh
 * after a restart, which a new snapshot does anyway; configure one where several instances publish.
 */
export class RecordKeys {
  private readonly secret: Buffer;

  constructor(secret: string | undefined) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  hmac(purpose: string, input: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\u0000${input}`).digest('hex');
  }

  /** A secret pseudo-random number in [0, 1) fixed per record: 48 bits of its HMAC. */
  recordKey(recordId: string): number {
    return parseInt(this.hmac('record', recordId).slice(0, 12), 16) / 2 ** 48;
  }
}
