import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it collects again, in
 * percent (V8's --heap-growing-percent: a factor of 1 + percent/100). Under the services' heap cap
 * (--max-old-space-size=320) V8 counts the heap as small and grows it by about 1.3x only, so ingest, holding some
 * 50 MB live, ran 3-5 full collections a second through a burst. Measured with `npm run bench pipeline` (20,000
 * claims, cap kept), CPU per claim to final (ingest / validator / pricing), burst claims/s to priced and to final, and
 * the largest RSS of the three:
 * - V8's own factor: 1.72 / 0.37 / 0.37 ms, 908/s and 470/s, 315 MB;
 * - 100 (two runs): 1.16-1.19 / 0.27-0.30 / 0.29-0.31 ms, 1,066-1,071/s and 596-599/s, 374 MB;
 * - 150 (two runs, one also gzipping the results): 1.04-1.15 / 0.27-0.29 / 0.27 ms, 1,066-1,089/s and 599-635/s, 357-393 MB;
 * - 200 (two runs): 0.97-1.08 / 0.25-0.28 / 0.27-0.30 ms, 996-1,228/s and 595-663/s, 360-379 MB.
 * The run-to-run spread is as large as the differences above 100, while RSS came within 7 MB of the 400 MB each
 * service must stay within at 150: 100 (no cap at all: 0.95 / 0.27 / 0.28 ms but 453-472 MB).
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;

/** Sets V8's heap growing factor for this process (0: V8's own); read at every full collection, so set at start. */
export function setHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
