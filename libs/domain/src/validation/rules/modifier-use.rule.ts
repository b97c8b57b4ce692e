import type { Edit } from '../edit';
import { editFrom } from '../edit-facts';
import { DISTINCT_SERVICE_MODIFIERS, isEmCode } from '../modifiers';
import { EM_ONLY } from '../text/modifier.text';
import type { LineCtx, ValidationContext } from '../validation-context';

/** Our reading of the NCCI Policy Manual for Medicare Services (the revision in force in 2026) and CPT's modifier definitions. */
export const NCCI_POLICY_RELEASE = 'ncci-policy-manual-2026';

/**
 * MODIFIER_INVALID: an NCCI-associated modifier on a code it is never used with, whatever else is on the claim.
 * 59 and X{EPSU} are not used on E&M services (CPT defines 59 for services other than E&M; NCCI Policy Manual
 * ch. I §E, ch. XI §B): a separately identifiable E&M takes 25. 24, 25 and 57 are E&M modifiers only (ch. I §D, §E).
 */
export function modifierUseRule(ctx: ValidationContext): void {
  for (const l of ctx.lines) {
    if (!l.modifiers.length) continue;
    const em = isEmCode(l.code);
    for (const m of l.modifiers) {
      if (em && DISTINCT_SERVICE_MODIFIERS.has(m)) ctx.edits.push(distinctOnEm(l, m));
      else if (!em && EM_ONLY[m]) ctx.edits.push(emOnly(l, m));
    }
  }
}

function distinctOnEm(l: LineCtx, m: string): Edit {
  return editFrom(
    'modifier.distinct-on-em',
    { code: l.code },
    {
      code: 'MODIFIER_INVALID',
      severity: 'warn',
      lines: [l.n],
      source: { dataset: 'cms-policy', release: NCCI_POLICY_RELEASE, rationale: 'NCCI Policy Manual ch. I §E, ch. XI §B; CPT modifier 59' },
      fix: { action: 'remove-modifier', modifier: m, automatic: true },
    },
  );
}

function emOnly(l: LineCtx, m: string): Edit {
  return editFrom(
    'modifier.em-only',
    { code: l.code },
    {
      code: 'MODIFIER_INVALID',
      severity: 'warn',
      lines: [l.n],
      source: { dataset: 'cms-policy', release: NCCI_POLICY_RELEASE, rationale: 'NCCI Policy Manual ch. I §D, §E' },
      fix: { action: 'remove-modifier', modifier: m, automatic: true },
    },
  );
}
