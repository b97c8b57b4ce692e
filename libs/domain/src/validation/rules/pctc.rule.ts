import { FACILITY_POS, HOSPITAL_LIKE_POS } from '../../claim/place-of-service';
import { PCTC_INDICATORS, type PctcIndicator } from '../data/pctc-indicators.data';
import type { EditFix } from '../edit';
import { editFrom } from '../edit-facts';
import { sourceFrom } from '../edit-source';
import { hasModifier } from '../modifiers';
import type { LineCtx, ValidationContext } from '../validation-context';

type Fix = Omit<EditFix, 'detail'>;
type PctcTemplate = 'pctc.not-allowed' | 'pctc.only-26' | 'pctc.global-in-facility' | 'pctc.tc-in-hospital' | 'pctc.global-in-hospital';

/** PCTC_MODIFIER: professional/technical component modifiers against the PC/TC indicator and place of service. */
export function pctcRule(ctx: ValidationContext): void {
  if (ctx.institutional) return;
  for (const l of ctx.lines) {
    const row = l.fee;
    const ind = row ? PCTC_INDICATORS[row.pctcIndicator] : undefined;
    if (!row || !ind) continue;
    const has26 = hasModifier(l.modifiers, '26');
    const hasTc = hasModifier(l.modifiers, 'TC');
    if (has26 && !ind.allows26) push(ctx, l, 'pctc.not-allowed', removeFix(ind, '26'));
    if (hasTc && !ind.allowsTc) push(ctx, l, 'pctc.not-allowed', removeFix(ind, 'TC'));
    if (row.pctcIndicator === '6' && !has26) {
      push(ctx, l, 'pctc.only-26', { action: 'add-modifier', modifier: '26', automatic: true });
    }
    if (row.pctcIndicator === '1' && FACILITY_POS.has(l.pos)) facilitySetting(ctx, l, has26, hasTc);
  }
}

/** Global or TC billing of a split code where the facility, not the practice, usually owns the equipment. */
function facilitySetting(ctx: ValidationContext, l: LineCtx, has26: boolean, hasTc: boolean): void {
  if (has26) return;
  if (!HOSPITAL_LIKE_POS.has(l.pos)) {
    // Other facility-rate settings (e.g. 06/08 tribal, 34 hospice, 53 CMHC) often but not always own the equipment.
    if (hasTc) return;
    push(ctx, l, 'pctc.global-in-facility', { action: 'add-modifier', modifier: '26', automatic: false }, 'warn');
  } else if (hasTc) {
    push(ctx, l, 'pctc.tc-in-hospital', { action: 'none', automatic: false });
  } else {
    push(ctx, l, 'pctc.global-in-hospital', { action: 'add-modifier', modifier: '26', automatic: true });
  }
}

function removeFix(ind: PctcIndicator, modifier: '26' | 'TC'): Fix {
  return { action: 'remove-modifier', modifier, automatic: ind.redundant === modifier };
}

function push(ctx: ValidationContext, l: LineCtx, template: PctcTemplate, fix: Fix, severity: 'deny' | 'warn' = 'deny'): void {
  const pctc = l.fee!.pctcIndicator;
  const params = { code: l.code, pctc, ...(template === 'pctc.not-allowed' || template === 'pctc.only-26' ? {} : { pos: l.pos }) };
  ctx.edits.push(
    editFrom(template, params, {
      code: 'PCTC_MODIFIER',
      severity,
      lines: [l.n],
      source: sourceFrom(l.t.fee!.release, { rationale: `PC/TC indicator ${pctc}` }),
      fix,
    }),
  );
}
