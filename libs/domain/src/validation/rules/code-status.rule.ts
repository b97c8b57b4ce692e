import type { Edit } from '../edit';
import { DELETED_CODES, type DeletedCode } from '../data/deleted-codes.data';
import { pricedOutsideMpfs } from '../data/outside-mpfs';
import { STATUS_CODES } from '../data/status-codes.data';
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
      ctx.edits.push(
        notPayable(
          l,
          'warn',
          `carries status "${l.fee.status}", which this scrubber does not know`,
          'Check the code with your MAC.',
          'none',
        ),
      );
    } else if (!status.payable) {
      const elsewhere = l.fee.status === 'X' && pricedOutsideMpfs(l.code);
      ctx.edits.push(notPayable(l, elsewhere ? 'warn' : 'deny', status.meaning, status.instead, status.action, status.deleted));
    } else if (l.fee.status === 'T' && sessionHasOtherPayable(ctx, l)) {
      const detail = 'Status T injections are bundled into the other physician services of the day; remove the line.';
      ctx.edits.push(
        notPayable(
          l,
          'deny',
          `${status.meaning}, and this claim has another payable service that day by the same provider`,
          detail,
          'remove-line',
        ),
      );
    }
  }
}

function missingCode(ctx: ValidationContext, l: LineCtx): Edit {
  const release = l.t.fee!.release;
  const deleted = DELETED_CODES.get(l.code);
  if (deleted && deleted.deleted <= l.t.iso) return deletedEdit(ctx, l, deleted);
  if (release.partial) {
    // The code's status, PC/TC and global period were not checked: the line is incomplete, not clean.
    addToGap(ctx.gaps, { dataset: 'mpfs-rvu', used: release, partial: true }, l.t.iso, l.n);
    return {
      code: 'CODE_UNKNOWN',
      severity: 'warn',
      lines: [l.n],
      message: `${l.code} (line ${l.n}) is not in the ${releasePeriod(release)} excerpt shipped here: unknown to this partial release (${release.id}, a fee-schedule excerpt), which does not make it deleted or invalid, but its status could not be checked.`,
      source: sourceFrom(release),
      fix: { action: 'none', detail: 'Validate against a complete fee-schedule release to check this code.', automatic: false },
    };
  }
  const elsewhere = pricedOutsideMpfs(l.code);
  return {
    code: 'CODE_UNKNOWN',
    severity: elsewhere ? 'warn' : 'deny',
    lines: [l.n],
    message: elsewhere
      ? `${l.code} (line ${l.n}) is not on the physician fee schedule ${release.id}; it may be priced on another Medicare fee schedule (clinical lab, DMEPOS, drugs), which this check does not cover.`
      : `${l.code} (line ${l.n}) is not on the physician fee schedule in force on ${l.t.iso} (${release.id}): it is not a valid code for that date.`,
    source: sourceFrom(release),
    fix: { action: 'replace-code', detail: 'Check the code against the CPT/HCPCS code set for the date of service.', automatic: false },
  };
}

function deletedEdit(ctx: ValidationContext, l: LineCtx, d: DeletedCode): Edit {
  // If the replacement is already billed in the session, the deleted line adds nothing: remove it.
  const twin = d.replacement ? ctx.sessions[l.session].some((o) => o.code === d.replacement) : false;
  return {
    code: 'CODE_DELETED',
    severity: 'deny',
    lines: [l.n],
    message: `${l.code} (line ${l.n}) was deleted on ${d.deleted} and cannot be billed for ${l.t.iso}. ${d.advice}`,
    source: sourceFrom(l.t.fee!.release, { deletion: d.deleted }),
    fix: twin
      ? {
          action: 'remove-line',
          detail: `${d.replacement} is already on the claim for this session; remove the ${l.code} line.`,
          automatic: true,
        }
      : d.replacement
        ? { action: 'replace-code', detail: `Replace ${l.code} with ${d.replacement}.`, automatic: true, replacementCode: d.replacement }
        : { action: 'replace-code', detail: d.advice, automatic: false },
  };
}

function notPayable(
  l: LineCtx,
  severity: 'deny' | 'warn',
  meaning: string,
  instead: string,
  action: Edit['fix']['action'],
  deleted?: boolean,
): Edit {
  const row = l.fee!;
  return {
    code: deleted ? 'CODE_DELETED' : 'CODE_NOT_PAYABLE',
    severity,
    lines: [l.n],
    message: `${l.code} (line ${l.n}) has fee-schedule status ${row.status}: ${meaning}. ${instead}`,
    source: sourceFrom(l.t.fee!.release, { rationale: `MPFS status ${row.status}` }),
    fix: { action, detail: instead, automatic: false },
  };
}
