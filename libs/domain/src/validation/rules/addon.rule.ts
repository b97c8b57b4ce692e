import type { AddonEntry, AddonTable } from '../../refdata/tables';
import type { Edit } from '../edit';
import { sourceFrom } from '../edit-source';
import { hasModifier } from '../modifiers';
import type { LineCtx, ValidationContext } from '../validation-context';
import { isPayablePrimary } from './payable';

const TYPE_TEXT = {
  1: 'type 1: paid only with one of its listed primary codes',
  2: 'type 2: CMS lists no primary codes, but a primary procedure must be reported',
  3: 'type 3: some primaries are listed and contractors may accept others',
} as const;

/** ADDON_WITHOUT_PRIMARY and ADDON_MODIFIER_51 (NCCI add-on code edits). */
export function addonRule(ctx: ValidationContext): void {
  for (const l of ctx.lines) {
    const entry = l.addon;
    if (entry && l.t.addon) checkPrimary(ctx, l, entry, l.t.addon);
    if ((entry || l.fee?.globalDays === 'ZZZ') && hasModifier(l.modifiers, '51')) ctx.edits.push(modifier51(l));
  }
}

function checkPrimary(ctx: ValidationContext, l: LineCtx, entry: AddonEntry, table: AddonTable): void {
  // Type 3 rows may list CCCCC: any primary procedure is acceptable.
  const anyPrimary = entry.primaries.includes('CCCCC');
  let listed = false;
  let other = false;
  for (const o of ctx.sessions[l.session]) {
    if (o === l) continue;
    if (entry.primaries.includes(o.code)) listed = true;
    else if (isPayablePrimary(o)) other = true;
  }
  if (listed || ((entry.type === 2 || anyPrimary) && other)) return;
  const source = sourceFrom(table.release, { rationale: `add-on ${TYPE_TEXT[entry.type]}` });
  if (entry.type === 3 && other) {
    ctx.edits.push({
      code: 'ADDON_WITHOUT_PRIMARY',
      severity: 'warn',
      lines: [l.n],
      message: `${l.code} (line ${l.n}) is an add-on code (${TYPE_TEXT[3]}); none of its listed primaries (${primaryList(entry)}) is on the claim for this date and provider, so payment depends on the MAC accepting the other procedure as its primary.`,
      source,
      fix: { action: 'none', detail: 'Confirm your MAC accepts the reported primary procedure for this add-on.', automatic: false },
    });
    return;
  }
  const needs = entry.type === 1 ? `one of its listed primary codes (${primaryList(entry)})` : 'a payable primary procedure';
  ctx.edits.push({
    code: 'ADDON_WITHOUT_PRIMARY',
    severity: 'deny',
    lines: [l.n],
    message: `${l.code} (line ${l.n}) is an add-on code (${TYPE_TEXT[entry.type]}) reported without ${needs} on ${l.t.iso} by the same provider; an add-on is never paid on its own.`,
    source,
    fix: {
      action: 'remove-line',
      detail: `Report ${l.code} with ${needs} performed in the same session, or remove the line.`,
      automatic: false,
    },
  });
}

function primaryList(entry: AddonEntry): string {
  const codes = entry.primaries.filter((c) => c !== 'CCCCC');
  const shown = codes.slice(0, 14).join(', ');
  return codes.length > 14 ? `${shown} and ${codes.length - 14} more` : shown;
}

function modifier51(l: LineCtx): Edit {
  const release = (l.t.addon ?? l.t.fee)!.release;
  return {
    code: 'ADDON_MODIFIER_51',
    severity: 'warn',
    lines: [l.n],
    message: `${l.code} (line ${l.n}) is an add-on code and carries modifier 51; add-on codes are exempt from the multiple-procedure reduction, so 51 does not apply.`,
    source: sourceFrom(release),
    fix: { action: 'remove-modifier', modifier: '51', detail: `Remove modifier 51 from line ${l.n}.`, automatic: true },
  };
}
