import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** How often a publication runs: "30s", "1h", "500ms" -> milliseconds (at least 100ms). */
export const PublishIntervalSchema = z
  .string()
  .regex(/^\d+(ms|s|m|h)$/, 'expected a duration such as 30s, 15m or 1h')
  .transform((s) => {
    const [, n, unit] = /^(\d+)(ms|s|m|h)$/.exec(s)!;
    return Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  })
  .refine((ms) => ms >= 100, 'the publication interval must be at least 100ms');
