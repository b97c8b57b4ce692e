import type { PtpEdit, PtpTable } from '../../refdata/tables';
import type { Edit } from '../edit';
import { isoOrNull, sourceFrom } from '../edit-source';
import { firstIn, NCCI_PTP_MODIFIERS } from '../modifiers';
import type { LineCtx, ValidationContext } from '../validation-context';

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
  ctx.edits.push(ptpEdit(table, e, c1, c2));
}

function ptpEdit(table: PtpTable, e: PtpEdit, c1: LineCtx, c2: LineCtx): Edit {
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
  const bypass = firstIn(c2.modifiers, NCCI_PTP_MODIFIERS) ?? firstIn(c1.modifiers, NCCI_PTP_MODIFIERS);
  if (bypass) {
    return {
      code: 'PTP_BUNDLED',
      severity: 'warn',
      lines: [c2.n],
      message: `${pair}. Modifier ${bypass} bypasses this indicator-1 edit; the medical record must document a distinct service (different site, session, or encounter) or the payment can be recouped.`,
      source,
      fix: { action: 'none', detail: `Keep documentation showing ${c2.code} was distinct from ${c1.code}.`, automatic: false },
    };
  }
  return {
    code: 'PTP_BUNDLED',
    severity: 'deny',
    lines: [c2.n],
    message: `${pair}. Modifier indicator 1: ${c2.code} is denied unless an NCCI-associated modifier shows a distinct service.`,
    source,
    fix: {
      action: 'add-modifier',
      modifier: 'XS',
      detail: `Only if the record shows ${c2.code} was a distinct service (e.g. separate structure or session), append XS (or the fitting X{EPSU} or 59) to line ${c2.n}; otherwise remove the line.`,
      automatic: false,
    },
  };
}
