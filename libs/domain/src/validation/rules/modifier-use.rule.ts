import type { Edit } from '../edit';
import { DISTINCT_SERVICE_MODIFIERS, isEmCode } from '../modifiers';
import type { LineCtx, ValidationContext } from '../validation-context';

/** Our reading of the NCCI Policy Manual for Medicare Services (the revision in force in 2026) and CPT's modifier definitions. */
export const NCCI_POLICY_RELEASE = 'ncci-policy-manual-2026';

const EM_ONLY: Readonly<Record<string, string>> = {
  '25': 'a significant, separately identifiable E&M service on the day of a procedure',
  '57': 'the E&M that was the decision for a major surgery',
  '24': 'an unrelated E&M in a postoperative period',
};

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
  return {
    code: 'MODIFIER_INVALID',
    severity: 'warn',
    lines: [l.n],
    message:
      `Modifier ${m} on the E&M service ${l.code} (line ${l.n}) is not valid: 59 and its X{EPSU} subsets mark a distinct ` +
      'procedure and are not used on E&M services, so it bypasses no NCCI edit. A significant, separately identifiable E&M ' +
      'on the day of a procedure takes 25 (57 when it was the decision for a major surgery).',
    source: { dataset: 'cms-policy', release: NCCI_POLICY_RELEASE, rationale: 'NCCI Policy Manual ch. I §E, ch. XI §B; CPT modifier 59' },
    fix: {
      action: 'remove-modifier',
      modifier: m,
      detail: `Remove ${m} from line ${l.n}; append 25 instead only if the record shows a separately identifiable E&M service.`,
      automatic: true,
    },
  };
}

function emOnly(l: LineCtx, m: string): Edit {
  return {
    code: 'MODIFIER_INVALID',
    severity: 'warn',
    lines: [l.n],
    message: `Modifier ${m} on ${l.code} (line ${l.n}) is not valid: ${m} marks ${EM_ONLY[m]} and is used on E&M codes only, so it bypasses no NCCI edit on ${l.code}.`,
    source: { dataset: 'cms-policy', release: NCCI_POLICY_RELEASE, rationale: 'NCCI Policy Manual ch. I §D, §E' },
    fix: { action: 'remove-modifier', modifier: m, detail: `Remove ${m} from line ${l.n}.`, automatic: true },
  };
}
