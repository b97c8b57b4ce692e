import type { PtpEdit, PtpTable } from '../../refdata/tables';
import type { Edit } from '../edit';
import { isoOrNull, sourceFrom } from '../edit-source';
import type { LineCtx, ValidationContext } from '../validation-context';
import { editFrom } from '../edit-facts';
import { isEmCode } from '../modifiers';
import { pairModifiers, suggestion } from './ptp-bypass';

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
  const facts = { code: 'PTP_BUNDLED', lines: [c2.n], source } as const;
  const pair = { code: c2.code, col1: c1.code, col1Line: c1.n };
  if (e.modifierIndicator === '0') {
    return editFrom('ptp.pair', pair, { ...facts, severity: 'deny', fix: { action: 'remove-line', automatic: true } });
  }
  const present = pairModifiers(c1, c2, ctx.institutional);
  const bypass = present.find((m) => !m.refused);
  // What decides which modifiers count: the text is written from it again (ptp.text).
  const em = isEmCode(c1.code) || isEmCode(c2.code);
  const params = {
    ...pair,
    m1: c1.modifiers.length ? c1.modifiers : undefined,
    m2: c2.modifiers.length ? c2.modifiers : undefined,
    g1: em ? c1.globalDays : undefined,
    g2: em ? c2.globalDays : undefined,
    inst: ctx.institutional || undefined,
  };
  if (bypass) return editFrom('ptp.pair', params, { ...facts, severity: 'warn', fix: { action: 'none', automatic: false } });
  const advice = suggestion(c1, c2, ctx.institutional);
  return editFrom('ptp.pair', params, {
    ...facts,
    severity: 'deny',
    fix: { action: 'add-modifier', modifier: advice.modifier, automatic: false },
  });
}
