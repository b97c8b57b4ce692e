import { BadRequestException } from '@nestjs/common';

/** `?wait=5s` / `?wait=1500ms` -> milliseconds, capped by configuration. */
export function parseWait(value: string | undefined, maxMs: number): number {
  if (value === undefined || value === '') return 0;
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
  if (!m) throw new BadRequestException({ code: 'WAIT_INVALID', message: 'wait must look like 5s or 1500ms' });
  const ms = m[2] === 'ms' ? Number(m[1]) : Number(m[1]) * 1000;
  return Math.min(ms, maxMs);
}
