import { MUE_INDICATORS } from '../../refdata/mue-indicator';
import type { MueEntry, MueTable } from '../../refdata/tables';
import type { Edit, EditFix } from '../edit';
import { sourceFrom } from '../edit-source';
import type { LineCtx, ValidationContext } from '../validation-context';

const maiText = (mai: MueEntry['mai']): string => `MAI ${mai}, ${MUE_INDICATORS[mai].name}: ${MUE_INDICATORS[mai].effect}`;

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
  const where = group.length > 1 ? `lines ${group.map((g) => g.n).join(', ')}` : `line ${first.n}`;
  const scope = e.mai === 1 ? 'per line' : `per date of service, here ${first.t.iso},`;
  const message =
    `${first.code} is billed ${total} unit(s) on ${where}; its MUE is ${e.value} ${scope} (${maiText(e.mai)}${e.rationale ? `; ${e.rationale}` : ''}). ` +
    `Over the MUE all ${total} unit(s) are denied, not only the excess.`;
  return {
    code: 'MUE_EXCEEDED',
    severity: 'deny',
    lines: group.map((g) => g.n),
    message,
    source: sourceFrom(table.release, { adjudicationIndicator: e.mai, rationale: e.rationale || undefined }),
    fix: mueFix(e, first.code),
  };
}

function mueFix(e: MueEntry, code: string): EditFix {
  if (e.value === 0) {
    return { action: 'remove-line', detail: `${code} has an MUE of 0 in this setting: it is not reportable.`, automatic: e.mai !== 1 };
  }
  if (e.mai === 1) {
    return {
      action: 'reduce-units',
      units: e.value,
      detail: `Reduce the line to ${e.value} unit(s); if more were medically necessary (e.g. another side or site), report them on a separate line with an anatomic or XS/59 modifier and document why.`,
      automatic: false,
    };
  }
  return {
    action: 'reduce-units',
    units: e.value,
    detail: `Report ${e.value} unit(s) of ${code} in total for this date of service.`,
    automatic: true,
  };
}
