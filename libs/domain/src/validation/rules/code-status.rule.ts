import type { Edit, EditFix, EditSource } from '../edit';
import { DELETED_CODES, type DeletedCode } from '../data/deleted-codes.data';
import { pricedOutsideMpfs } from '../data/outside-mpfs';
import { STATUS_CODES } from '../data/status-codes.data';
import { editFrom } from '../edit-facts';
import { sourceFrom } from '../edit-source';
import { releasePeriod } from '../../pricing/excerpt';
import { addToGap } from '../refdata-gaps';
import type { LineCtx, ValidationContext } from '../validation-context';
import { sessionHasOtherPayable } from './payable';

/** CODE_UNKNOWN / CODE_DELETED / CODE_NOT_PAYABLE against the fee schedule in force on each line's date. */
export function codeStatusRule(ctx: ValidationContext): void {
  for (const l of ctx.lines) {
    const fee = l.t.fee;
    if (!fee) continue;
    if (!l.fee) {
      ctx.edits.push(missingCode(ctx, l));
      continue;
    }
    const status = STATUS_CODES[l.fee.status];
    if (!status) {
      ctx.edits.push(notPayable(l, 'status.unknown', 'warn', 'none'));
    } else if (!status.payable) {
      const elsewhere = l.fee.status === 'X' && pricedOutsideMpfs(l.code);
      ctx.edits.push(notPayable(l, 'status.not-payable', elsewhere ? 'warn' : 'deny', status.action, status.deleted));
    } else if (l.fee.status === 'T' && sessionHasOtherPayable(ctx, l)) {
      ctx.edits.push(notPayable(l, 'status.t-bundled', 'deny', 'remove-line'));
    }
  }
}

function missingCode(ctx: ValidationContext, l: LineCtx): Edit {
  const release = l.t.fee!.release;
  const deleted = DELETED_CODES.get(l.code);
  if (deleted && deleted.deleted <= l.t.iso) return deletedEdit(ctx, l, deleted);
  const source = sourceFrom(release);
  if (release.partial) {
    // The code's status, PC/TC and global period were not checked: the line is incomplete, not clean.
    addToGap(ctx.gaps, { dataset: 'mpfs-rvu', used: release, partial: true }, l.t.iso, l.n);
    const fix = { action: 'none', automatic: false } as const;
    const facts = { code: 'CODE_UNKNOWN', severity: 'warn', lines: [l.n], source, fix } as const;
    return editFrom('code.not-in-excerpt', { code: l.code, period: releasePeriod(release) }, facts);
  }
  const fix = { action: 'replace-code', automatic: false } as const;
  if (pricedOutsideMpfs(l.code)) {
    return editFrom('code.other-schedule', { code: l.code }, { code: 'CODE_UNKNOWN', severity: 'warn', lines: [l.n], source, fix });
  }
  const facts = { code: 'CODE_UNKNOWN', severity: 'deny', lines: [l.n], source, fix } as const;
  return editFrom('code.unknown', { code: l.code, date: l.t.iso }, facts);
}

function deletedEdit(ctx: ValidationContext, l: LineCtx, d: DeletedCode): Edit {
  // If the replacement is already billed in the session, the deleted line adds nothing: remove it.
  const twin = d.replacement ? ctx.sessions[l.session].some((o) => o.code === d.replacement) : false;
  const fix: Omit<EditFix, 'detail'> = twin
    ? { action: 'remove-line', automatic: true }
    : d.replacement
      ? { action: 'replace-code', automatic: true, replacementCode: d.replacement }
      : { action: 'replace-code', automatic: false };
  const source = sourceFrom(l.t.fee!.release, { deletion: d.deleted });
  return editFrom('code.deleted', { code: l.code, date: l.t.iso }, { code: 'CODE_DELETED', severity: 'deny', lines: [l.n], source, fix });
}

function notPayable(
  l: LineCtx,
  template: 'status.unknown' | 'status.not-payable' | 'status.t-bundled',
  severity: 'deny' | 'warn',
  action: EditFix['action'],
  deleted?: boolean,
): Edit {
  const status = l.fee!.status;
  const source: EditSource = sourceFrom(l.t.fee!.release, { rationale: `MPFS status ${status}` });
  const code = deleted ? 'CODE_DELETED' : 'CODE_NOT_PAYABLE';
  return editFrom(template, { code: l.code, status }, { code, severity, lines: [l.n], source, fix: { action, automatic: false } });
}
