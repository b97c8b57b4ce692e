import type { LineWork } from './line-work';

/**
 * Status T codes have RVUs but are paid only when no other fee schedule service is paid to the same
 * provider on the same day.
 */
export function applyInjectionRule(works: readonly LineWork[]): void {
  if (!works.some((w) => w.row?.status === 'T')) return;
  const paidOthers = new Set<string>();
  const keyOf = (w: LineWork) => `${w.line.dateOfService}|${w.provider}`;
  for (const w of works) if (w.status === 'priced' && w.row?.status !== 'T') paidOthers.add(keyOf(w));
  for (const w of works) {
    if (w.status === 'priced' && w.row?.status === 'T' && paidOthers.has(keyOf(w))) {
      w.status = 'not-payable';
      w.reason = 'Status T: paid only when no other fee schedule service is paid to the same provider that day.';
    }
  }
}
