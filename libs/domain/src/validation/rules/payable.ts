import { STATUS_CODES } from '../data/status-codes.data';
import type { LineCtx, ValidationContext } from '../validation-context';

/** A line that can stand as a primary procedure: not an add-on and payable on the fee schedule (when known). */
export function isPayablePrimary(l: LineCtx): boolean {
  if (l.addon) return false;
  if (l.fee?.globalDays === 'ZZZ') return false;
  if (!l.t.fee) return true;
  return l.fee !== undefined && STATUS_CODES[l.fee.status]?.payable === true;
}

export function sessionHasOtherPayable(ctx: ValidationContext, l: LineCtx): boolean {
  for (const o of ctx.sessions[l.session]) {
    if (o !== l && o.fee !== undefined && o.fee.status !== 'T' && STATUS_CODES[o.fee.status]?.payable === true) return true;
  }
  return false;
}
