/**
 * Exact fee arithmetic. Floats drift (3.08 x 32.3465 is not exactly 99.62722 in binary), so every
 * figure is turned into an integer at its published precision and multiplied as integers: RVUs
 * in hundredths, GPCIs in ten-thousandths, conversion factors in ten-thousandths. The products stay
 * far below 2^53, so the only rounding is the one CMS does: the fee schedule amount, to the cent.
 */
const RVU_SCALE = 100;
const GPCI_SCALE = 10_000;
const CF_SCALE = 10_000;
const CENT_DIVISOR = (RVU_SCALE * GPCI_SCALE * CF_SCALE) / 100;

export interface FeeInputs {
  readonly work: number;
  readonly pe: number;
  readonly mp: number;
  readonly gpciWork: number;
  readonly gpciPe: number;
  readonly gpciMp: number;
  readonly conversionFactor: number;
}

const scaled = (value: number, scale: number): number => Math.round(value * scale);

/** Round half up of numerator / divisor, both non-negative integers. */
export function roundDiv(numerator: number, divisor: number): number {
  let q = Math.floor(numerator / divisor);
  let r = numerator - q * divisor;
  // The float quotient can land one off near an integer; the integer remainder settles it.
  if (r < 0) {
    q -= 1;
    r += divisor;
  } else if (r >= divisor) {
    q += 1;
    r -= divisor;
  }
  return 2 * r >= divisor ? q + 1 : q;
}

/** [(work x GPCIw) + (PE x GPCIpe) + (MP x GPCImp)] x CF, in cents; peShare halves PE when 0.5. */
export function feeCents(f: FeeInputs, peShare: 1 | 0.5 = 1): number {
  const w = scaled(f.work, RVU_SCALE) * scaled(f.gpciWork, GPCI_SCALE);
  const pe = scaled(f.pe, RVU_SCALE) * scaled(f.gpciPe, GPCI_SCALE);
  const mp = scaled(f.mp, RVU_SCALE) * scaled(f.gpciMp, GPCI_SCALE);
  const cf = scaled(f.conversionFactor, CF_SCALE);
  if (peShare === 1) return roundDiv((w + pe + mp) * cf, CENT_DIVISOR);
  return roundDiv((2 * (w + mp) + pe) * cf, 2 * CENT_DIVISOR);
}

/** cents x basisPoints / 10000, rounded half up to the cent (basis points: 10000 = 100%). */
export function percentOf(cents: number, basisPoints: number): number {
  return roundDiv(cents * basisPoints, 10_000);
}

export const toDollars = (cents: number): number => cents / 100;
export const toCents = (dollars: number): number => Math.round(dollars * 100);

/** after / before to 4 decimals (1 when before is 0). */
export function ratio(after: number, before: number): number {
  return before === 0 ? 1 : Math.round((after / before) * 10_000) / 10_000;
}
