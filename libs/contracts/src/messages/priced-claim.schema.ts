import { z } from 'zod';

// TODO(lead): tighten to the domain PricedClaim shape once libs/domain/src/pricing lands.
export const PricedClaimSchema = z.object({ kind: z.literal('priced') }).passthrough();
export const PricingFailureSchema = z.object({
  kind: z.literal('failed'),
  code: z.string(),
  message: z.string(),
});
