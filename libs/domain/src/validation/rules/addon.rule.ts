import type { AddonEntry, AddonTable } from '../../refdata/tables';
import type { Edit } from '../edit';
import { editFrom } from '../edit-facts';
import { sourceFrom } from '../edit-source';
import { hasModifier } from '../modifiers';
import { ADDON_TYPE_TEXT } from '../text/addon.text';
import type { LineCtx, ValidationContext } from '../validation-context';
import { isPayablePrimary } from './payable';

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
  const source = sourceFrom(table.release, { rationale: `add-on ${ADDON_TYPE_TEXT[entry.type]}` });
  const code = l.code;
  if (entry.type === 3 && other) {
    const fix = { action: 'none', automatic: false } as const;
    ctx.edits.push(editFrom('addon.other-primary', { code, ...primaries(entry) }, { ...facts(l, 'warn'), source, fix }));
    return;
  }
  const params = { code, type: entry.type, date: l.t.iso, ...(entry.type === 1 ? primaries(entry) : {}) };
  const fix = { action: 'remove-line', automatic: false } as const;
  ctx.edits.push(editFrom('addon.no-primary', params, { ...facts(l, 'deny'), source, fix }));
}

const facts = (l: LineCtx, severity: 'deny' | 'warn') => ({ code: 'ADDON_WITHOUT_PRIMARY', severity, lines: [l.n] }) as const;

/** The listed primaries shown in the text (at most 14), and how many more. */
function primaries(entry: AddonEntry): { primaries: string[]; more?: number } {
  const codes = entry.primaries.filter((c) => c !== 'CCCCC');
  return codes.length > 14 ? { primaries: codes.slice(0, 14), more: codes.length - 14 } : { primaries: codes };
}

function modifier51(l: LineCtx): Edit {
  const release = (l.t.addon ?? l.t.fee)!.release;
  return editFrom(
    'addon.modifier-51',
    { code: l.code },
    {
      code: 'ADDON_MODIFIER_51',
      severity: 'warn',
      lines: [l.n],
      source: sourceFrom(release),
      fix: { action: 'remove-modifier', modifier: '51', automatic: true },
    },
  );
}
