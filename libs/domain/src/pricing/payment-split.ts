import { percentOf, toDollars } from './money';

export interface PaymentSplit {
  readonly allowed: number;
  readonly medicarePayment: number;
  readonly coinsurance: number;
  readonly limitingCharge: number;
}

/**
 * Medicare pays 80% of the allowed amount, the patient 20% (before any deductible). The limiting
 * charge is 115% of the non-participating amount (95%); CMS's documentation says to apply the
 * product, 109.25%, to the fee schedule amount in one step, rounding once.
 */
export function splitPayment(allowedCents: number): PaymentSplit {
  const medicare = percentOf(allowedCents, 8_000);
  return {
    allowed: toDollars(allowedCents),
    medicarePayment: toDollars(medicare),
    coinsurance: toDollars(allowedCents - medicare),
    limitingCharge: toDollars(percentOf(allowedCents, 10_925)),
  };
}
