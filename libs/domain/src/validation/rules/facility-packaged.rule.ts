import { editFrom } from '../edit-facts';
import { hasModifier } from '../modifiers';
import { PACKAGED_BY_CODE } from '../text/facility.text';
import type { ValidationContext } from '../validation-context';

export const OPPS_PACKAGING_RELEASE = 'opps-packaging-2025';

/** FACILITY_PACKAGED (info): institutional outpatient/ASC lines whose code is packaged into the primary's APC. */
export function facilityPackagedRule(ctx: ValidationContext): void {
  if (!ctx.institutional) return;
  for (const l of ctx.lines) {
    const group = PACKAGED_BY_CODE.get(l.code);
    if (!group || !group.settings.includes(l.pos) || hasModifier(l.modifiers, '26')) continue;
    ctx.edits.push(
      editFrom(
        'facility.packaged',
        { code: l.code, pos: l.pos },
        {
          code: 'FACILITY_PACKAGED',
          severity: 'info',
          lines: [l.n],
          source: { dataset: 'cms-policy', release: OPPS_PACKAGING_RELEASE, rationale: 'OPPS status indicator N (packaged)' },
          fix: { action: 'none', automatic: false },
        },
      ),
    );
  }
}
