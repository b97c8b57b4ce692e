import type { PricingClaim } from '../claim/pricing-claim';
import type { RefDataCatalog } from '../refdata/catalog';
import type { IsoDate } from '../shared/dates';
import { ok, type Result } from '../shared/result';
import { withExcerptReferences } from './excerpt-reference';
import type { PricedClaim } from './priced-claim';
import type { PricingError } from './pricing-error';
import type { PricingOptions } from './pricing-options';
import { pricingTablesFor, type PricingTables } from './pricing-tables';
import { priceWith } from './price-with';
import type { ValidationInput } from './validation-input';

/**
 * Prices many claims against one catalog, resolving the tables of each date of service once.
 * Make a new pricer when the catalog changes (a pricer never sees releases added later).
 */
export class ClaimPricer {
  private readonly byDate = new Map<IsoDate, Result<PricingTables, PricingError>>();

  constructor(
    readonly catalog: RefDataCatalog,
    readonly options: PricingOptions = {},
  ) {}

  price(claim: PricingClaim, validation?: ValidationInput): Result<PricedClaim, PricingError> {
    const priced = priceWith(claim, validation, (date) => this.tablesFor(date), this.options);
    return priced.ok ? ok(withExcerptReferences(claim, priced.value, this.catalog, this.options)) : priced;
  }

  private tablesFor(date: IsoDate): Result<PricingTables, PricingError> {
    let tables = this.byDate.get(date);
    if (!tables) this.byDate.set(date, (tables = pricingTablesFor(this.catalog, date, this.options)));
    return tables;
  }
}
