import { adjust, isPriced, type LineWork } from './line-work';
import { toDollars } from './money';

/**
 * DRA 2005 imaging cap: the non-facility technical payment (global or TC) of a listed code may not
 * exceed the OPPS amount for the locality. Applied after the multiple procedure reduction, as
 * carriers do.
 */
export function applyOppsCap(work: LineWork, notes: string[]): void {
  const cap = work.tables.oppsCap;
  if (!cap || !isPriced(work) || work.rates.setting !== 'non-facility') return;
  const { hcpcs, modifier } = work.row;
  if ((modifier !== '' && modifier !== 'TC') || !cap.has(hcpcs, modifier)) return;
  const { carrier, locality, source } = work.rates.gpci.locality;
  if (source === 'national') {
    notes.push(
      `Line ${work.line.lineNumber}: ${hcpcs} is subject to the OPPS imaging cap, which is set per locality; not applied at national GPCIs.`,
    );
    return;
  }
  const price = cap.get(hcpcs, modifier, carrier, locality);
  if (!price) return;
  const capCents = Math.round(price.nonFacility * 100) * work.line.units;
  if (capCents >= work.amount) return;
  const label = `${hcpcs}${modifier ? '-' + modifier : ''}`;
  adjust(
    work,
    'opps-cap',
    `OPPS imaging cap: ${label} non-facility payment limited to the OPPS amount $${toDollars(capCents).toFixed(2)} for ${carrier}-${locality} (${cap.release.id}).`,
    capCents,
  );
}

/** Medicare allows the lower of the actual charge and the fee schedule amount. */
export function applyActualCharge(work: LineWork): void {
  const charge = work.line.charge;
  if (charge === undefined || work.status !== 'priced') return;
  const chargeCents = Math.round(charge * 100);
  if (chargeCents >= work.amount) return;
  adjust(
    work,
    'actual-charge',
    `The actual charge $${charge.toFixed(2)} is below the fee schedule amount: Medicare allows the lower.`,
    chargeCents,
  );
}
