export interface PricingOptions {
  /** strict (default): a date of service without a release in force is an error; latest: use the newest loaded release and say so. */
  readonly refdataFallback?: 'strict' | 'latest';
  /** Price with national GPCIs (1.0) when the claim gives no locality and no ZIP. */
  readonly allowNational?: boolean;
  /** Medicare pays the lower of the actual charge and the fee schedule amount (default true). */
  readonly lowerOfCharge?: boolean;
}
