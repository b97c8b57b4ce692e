import { FACILITY_POS, HOSPITAL_LIKE_POS } from '../../claim/place-of-service';
import { PCTC_INDICATORS, type PctcIndicator } from '../data/pctc-indicators.data';
import type { EditFix } from '../edit';
import { sourceFrom } from '../edit-source';
import { hasModifier } from '../modifiers';
import type { LineCtx, ValidationContext } from '../validation-context';

/** PCTC_MODIFIER: professional/technical component modifiers against the PC/TC indicator and place of service. */
export function pctcRule(ctx: ValidationContext): void {
  if (ctx.institutional) return;
  for (const l of ctx.lines) {
    const row = l.fee;
    const ind = row ? PCTC_INDICATORS[row.pctcIndicator] : undefined;
    if (!row || !ind) continue;
    const has26 = hasModifier(l.modifiers, '26');
    const hasTc = hasModifier(l.modifiers, 'TC');
    const label = `${l.code} (line ${l.n}) is ${ind.meaning} (PC/TC indicator ${row.pctcIndicator})`;
    if (has26 && !ind.allows26) push(ctx, l, `${label}: modifier 26 cannot be used with it.`, removeFix(ind, '26', l));
    if (hasTc && !ind.allowsTc) push(ctx, l, `${label}: modifier TC cannot be used with it.`, removeFix(ind, 'TC', l));
    if (row.pctcIndicator === '6' && !has26) {
      const fix: EditFix = { action: 'add-modifier', modifier: '26', detail: `Append 26 to line ${l.n}.`, automatic: true };
      push(ctx, l, `${label}: it is payable only as the professional interpretation, billed with modifier 26.`, fix);
    }
    if (row.pctcIndicator === '1' && FACILITY_POS.has(l.pos)) facilitySetting(ctx, l, label, has26, hasTc);
  }
}

/** Global or TC billing of a split code where the facility, not the practice, usually owns the equipment. */
function facilitySetting(ctx: ValidationContext, l: LineCtx, label: string, has26: boolean, hasTc: boolean): void {
  if (has26) return;
  const where = `facility place of service ${l.pos}`;
  if (!HOSPITAL_LIKE_POS.has(l.pos)) {
    // Other facility-rate settings (e.g. 06/08 tribal, 34 hospice, 53 CMHC) often but not always own the equipment.
    if (hasTc) return;
    const fix: EditFix = {
      action: 'add-modifier',
      modifier: '26',
      detail: `Append 26 to line ${l.n} unless the practice owns the equipment there.`,
      automatic: false,
    };
    push(
      ctx,
      l,
      `${label}, billed globally in ${where}: when the facility owns the equipment it bills the technical component and the physician bills only 26.`,
      fix,
      'warn',
    );
  } else if (hasTc) {
    const fix: EditFix = {
      action: 'none',
      detail: `If you interpreted the study, bill 26 instead of TC; otherwise remove line ${l.n}.`,
      automatic: false,
    };
    push(
      ctx,
      l,
      `${label}, billed with TC in ${where}: the facility bills the technical component on its own claim, not the physician.`,
      fix,
    );
  } else {
    const fix: EditFix = {
      action: 'add-modifier',
      modifier: '26',
      detail: `Append 26 to line ${l.n}: in a facility only the professional component is yours to bill.`,
      automatic: true,
    };
    push(
      ctx,
      l,
      `${label}, billed globally in ${where}. The facility owns the equipment and bills the technical component, so the physician bills only the professional component with modifier 26; global billing belongs to a non-facility setting where the practice owns the equipment.`,
      fix,
    );
  }
}

function removeFix(ind: PctcIndicator, modifier: '26' | 'TC', l: LineCtx): EditFix {
  const redundant = ind.redundant === modifier;
  const detail = redundant
    ? `Remove ${modifier} from line ${l.n}: the code already is that component.`
    : `Remove ${modifier} from line ${l.n}, or use the code that describes the component you performed.`;
  return { action: 'remove-modifier', modifier, detail, automatic: redundant };
}

function push(ctx: ValidationContext, l: LineCtx, message: string, fix: EditFix, severity: 'deny' | 'warn' = 'deny'): void {
  ctx.edits.push({
    code: 'PCTC_MODIFIER',
    severity,
    lines: [l.n],
    message,
    source: sourceFrom(l.t.fee!.release, { rationale: `PC/TC indicator ${l.fee!.pctcIndicator}` }),
    fix,
  });
}
