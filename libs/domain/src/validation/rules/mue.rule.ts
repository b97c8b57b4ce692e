import type { MueEntry, MueTable } from '../../refdata/tables';
import type { Edit, EditFix } from '../edit';
import { editFrom } from '../edit-facts';
import { sourceFrom } from '../edit-source';
import type { LineCtx, ValidationContext } from '../validation-context';

/**
 * MUE_EXCEEDED. Over the MUE, CMS denies every unit of the line (MAI 1) or of the date (MAI 2, 3), not the excess.
 * The reduce-units fix is automatic for MAI 2 and 3 (the limit is the only payable answer for that date) but not
 * for MAI 1, where extra units may be legitimately reported on another line with an anatomic or X/59 modifier.
 */
export function mueRule(ctx: ValidationContext): void {
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const table = l.t.mue;
    const entry = table?.get(l.code);
    if (!table || !entry) continue;
    if (entry.mai === 1) {
      if (l.units > entry.value) ctx.edits.push(mueEdit(table, entry, [l], l.units));
      continue;
    }
    if (firstOfDate(lines, i)) {
      let total = 0;
      for (let j = i; j < lines.length; j++) if (lines[j].code === l.code && lines[j].dos === l.dos) total += lines[j].units;
      if (total > entry.value) {
        const group = lines.filter((o) => o.code === l.code && o.dos === l.dos);
        ctx.edits.push(mueEdit(table, entry, group, total));
      }
    }
  }
}

function firstOfDate(lines: readonly LineCtx[], i: number): boolean {
  for (let j = 0; j < i; j++) if (lines[j].code === lines[i].code && lines[j].dos === lines[i].dos) return false;
  return true;
}

function mueEdit(table: MueTable, e: MueEntry, group: readonly LineCtx[], total: number): Edit {
  const first = group[0];
  const params = { code: first.code, total, value: e.value, date: e.mai === 1 ? undefined : first.t.iso };
  return editFrom('mue.exceeded', params, {
    code: 'MUE_EXCEEDED',
    severity: 'deny',
    lines: group.map((g) => g.n),
    source: sourceFrom(table.release, { adjudicationIndicator: e.mai, rationale: e.rationale || undefined }),
    fix: mueFix(e),
  });
}

function mueFix(e: MueEntry): Omit<EditFix, 'detail'> {
  if (e.value === 0) return { action: 'remove-line', automatic: e.mai !== 1 };
  return { action: 'reduce-units', units: e.value, automatic: e.mai !== 1 };
}
