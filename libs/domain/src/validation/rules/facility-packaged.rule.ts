import { FACILITY_PACKAGED, type PackagedCodeGroup } from '../data/facility-packaged.data';
import { hasModifier } from '../modifiers';
import type { ValidationContext } from '../validation-context';

export const OPPS_PACKAGING_RELEASE = 'opps-packaging-2025';

const BY_CODE = new Map<string, PackagedCodeGroup>();
for (const group of FACILITY_PACKAGED) for (const code of group.codes) BY_CODE.set(code, group);

/** FACILITY_PACKAGED (info): institutional outpatient/ASC lines whose code is packaged into the primary's APC. */
export function facilityPackagedRule(ctx: ValidationContext): void {
  if (!ctx.institutional) return;
  for (const l of ctx.lines) {
    const group = BY_CODE.get(l.code);
    if (!group || !group.settings.includes(l.pos) || hasModifier(l.modifiers, '26')) continue;
    ctx.edits.push({
      code: 'FACILITY_PACKAGED',
      severity: 'info',
      lines: [l.n],
      message: `${l.code} (line ${l.n}) on this facility claim (place of service ${l.pos}): ${group.summary}, so the facility receives no separate payment for it. The interpreting physician's professional component (${l.code}-26, on the professional claim) is unaffected.`,
      source: { dataset: 'cms-policy', release: OPPS_PACKAGING_RELEASE, rationale: 'OPPS status indicator N (packaged)' },
      fix: { action: 'none', detail: 'Keep the line for cost reporting; expect no separate APC payment for it.', automatic: false },
    });
  }
}
