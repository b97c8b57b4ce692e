import { err, ok, type Result } from '@claimflow/domain';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const bundleSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  url: z.string().min(1),
  optional: z.boolean().optional(),
  bytes: z.number().int().positive().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

const configSchema = z.object({ about: z.string().optional(), bundles: z.array(bundleSchema).min(1) });

export type BundleSource = z.infer<typeof bundleSchema>;
export type SourcesConfig = z.infer<typeof configSchema>;

export const SOURCES_FILE = 'refdata-sources.json';

/** <repo>/data/refdata-sources.json, found by walking up from here (source tree and dist alike). */
export function defaultSourcesFile(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'data', SOURCES_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`no data/${SOURCES_FILE} above ${__dirname}; pass --sources FILE`);
  }
}

/** Reads and checks the sources file; problems name the field, never guess. */
export function readSourcesConfig(path: string): Result<SourcesConfig, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return err(`${path}: ${(e as Error).message}`);
  }
  const r = configSchema.safeParse(raw);
  if (!r.success) return err(`${path}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return ok(r.data);
}

export interface Quarter {
  readonly year: number;
  readonly quarter: number;
}

const MONTHS = ['january', 'april', 'july', 'october'];

/** The address of a bundle for a quarter, placeholders filled in. */
export function bundleUrl(template: string, { year, quarter }: Quarter): string {
  const values: Record<string, string> = {
    year: String(year),
    yy: String(year % 100).padStart(2, '0'),
    q: String(quarter),
    quarter: `${year}Q${quarter}`,
    rvuLetter: 'abcd'[quarter - 1],
    // NCCI versions: v32.2 = 2026 Q3 (major = year - 1994, minor = quarter - 1)
    ptpVersion: `${year - 1994}${quarter - 1}`,
    mm: String((quarter - 1) * 3 + 1).padStart(2, '0'),
    mon: MONTHS[quarter - 1].slice(0, 3),
    month: MONTHS[quarter - 1],
  };
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

export function parseQuarter(text: string): Quarter | null {
  const m = /^(20\d\d)Q([1-4])$/i.exec(text);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

export const quarterOf = (date: Date): Quarter => ({ year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 });
