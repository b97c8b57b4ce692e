import type { Unpriceable } from './select-row';

/**
 * PPRRVU status codes other than A, R and T (RVU file documentation). T is payable only when no
 * other fee schedule service is paid that day; that check needs the whole claim (see injection-rule.ts).
 */
const OUTCOMES: Readonly<Record<string, Unpriceable>> = {
  B: { status: 'not-payable', reason: 'Status B: bundled code, payment is included in other services.' },
  C: { status: 'no-price', reason: 'Status C: carrier priced; the MAC sets the amount (no national price).' },
  D: { status: 'not-payable', reason: 'Status D: deleted code.' },
  E: { status: 'not-payable', reason: 'Status E: excluded from the fee schedule by regulation.' },
  F: { status: 'not-payable', reason: 'Status F: deleted or discontinued code, no grace period.' },
  G: { status: 'not-payable', reason: 'Status G: not valid for Medicare; another code is used.' },
  H: { status: 'not-payable', reason: 'Status H: deleted modifier for this code.' },
  I: { status: 'not-payable', reason: 'Status I: not valid for Medicare purposes; Medicare uses another code.' },
  J: { status: 'no-price', reason: 'Status J: anesthesia service, priced from base and time units, not RVUs.' },
  M: { status: 'not-payable', reason: 'Status M: measurement code, reported for quality programs only ($0).' },
  N: { status: 'not-payable', reason: 'Status N: non-covered service.' },
  P: { status: 'not-payable', reason: 'Status P: bundled or excluded service, no separate payment.' },
  Q: { status: 'not-payable', reason: 'Status Q: therapy functional information code, reported only ($0).' },
  X: { status: 'not-payable', reason: 'Status X: statutory exclusion, not a fee schedule service.' },
};

const PAYABLE = new Set(['A', 'R', 'T']);

export function statusOutcome(status: string): Unpriceable | undefined {
  if (PAYABLE.has(status)) return undefined;
  return OUTCOMES[status] ?? { status: 'no-price', reason: `Status ${status}: no fee schedule payment rule is known for it.` };
}
