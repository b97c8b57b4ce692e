import type { PtpEdit, PtpTable } from '../../refdata/tables';
import type { Edit } from '../edit';
import { isoOrNull, sourceFrom } from '../edit-source';
import type { LineCtx, ValidationContext } from '../validation-context';
import { pairModifiers, suggestion } from './ptp-bypass';
import { bypassMessage, refusedText } from './ptp-messages';

/** PTP_BUNDLED: NCCI procedure-to-procedure edits between lines of one session (same date, same provider). */
export function ptpRule(ctx: ValidationContext): void {
  for (const session of ctx.sessions) {
    if (session.length < 2) continue;
    const table = session[0].t.ptp;
    if (!table) continue;
    for (let i = 0; i < session.length; i++) {
      for (let j = i + 1; j < session.length; j++) {
        const a = session[i];
        const b = session[j];
        if (a.code === b.code) continue;
        check(ctx, table, a, b);
        check(ctx, table, b, a);
      }
    }
  }
}

/** Deletion dates are the last day an edit applies; an edit deleted on its effective date never applied. */
export function ptpInForce(e: PtpEdit, dos: number): boolean {
  if (e.effective !== null && dos < e.effective) return false;
  if (e.deletion === null) return true;
  return dos <= e.deletion && (e.effective === null || e.deletion > e.effective);
}

function check(ctx: ValidationContext, table: PtpTable, c1: LineCtx, c2: LineCtx): void {
  const e = table.find(c1.code, c2.code, c1.dos);
  if (!e || e.modifierIndicator === '9' || !ptpInForce(e, c1.dos)) return;
  ctx.edits.push(ptpEdit(ctx, table, e, c1, c2));
}

function ptpEdit(ctx: ValidationContext, table: PtpTable, e: PtpEdit, c1: LineCtx, c2: LineCtx): Edit {
  const source = sourceFrom(table.release, {
    effective: isoOrNull(e.effective),
    deletion: isoOrNull(e.deletion),
    modifierIndicator: e.modifierIndicator,
    rationale: e.rationale || undefined,
  });
  const why = e.rationale ? ` (${e.rationale})` : '';
  const pair = `${c2.code} (line ${c2.n}) is a column 2 code of ${c1.code} (line ${c1.n}) in the NCCI PTP edits${why}`;
  if (e.modifierIndicator === '0') {
    return {
      code: 'PTP_BUNDLED',
      severity: 'deny',
      lines: [c2.n],
      message: `${pair}. Modifier indicator 0: no modifier allows both on the same date, so ${c2.code} is denied.`,
      source,
      fix: { action: 'remove-line', detail: `Remove ${c2.code} (line ${c2.n}); it is included in ${c1.code}.`, automatic: true },
    };
  }
  const present = pairModifiers(c1, c2, ctx.institutional);
  const bypass = present.find((m) => !m.refused);
  if (bypass) {
    return {
      code: 'PTP_BUNDLED',
      severity: 'warn',
      lines: [c2.n],
      message: `${pair}. ${bypassMessage(bypass, c1, c2)}`,
      source,
      fix: { action: 'none', detail: `Keep documentation showing what modifier ${bypass.modifier} says.`, automatic: false },
    };
  }
  const advice = suggestion(c1, c2, ctx.institutional);
  return {
    code: 'PTP_BUNDLED',
    severity: 'deny',
    lines: [c2.n],
    message:
      `${pair}. Modifier indicator 1: ${c2.code} is denied unless an NCCI-associated modifier that fits these codes ` +
      `(here ${advice.modifier} on line ${advice.line.n}) shows a separately payable service.${refusedText(present)}`,
    source,
    fix: { action: 'add-modifier', modifier: advice.modifier, detail: advice.detail, automatic: false },
  };
}
