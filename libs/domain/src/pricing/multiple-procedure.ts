import type { RvuRow } from '../refdata/tables';
import { imagingReductions, technicalReductions, therapyReductions } from './diagnostic-mppr';
import { adjust, isAddon, isPriced, type LineWork } from './line-work';
import type { AdjustmentKind } from './priced-claim';
import type { Reductions } from './rank-reduce';
import { surgicalReductions } from './surgical-mppr';

type Priced = LineWork & { row: RvuRow };

interface Rule {
  readonly kind: AdjustmentKind;
  readonly reductions: Reductions;
  readonly describe: (reduced: number, units: number) => string;
}

const of = (n: number, units: number) => (units === 1 ? '' : ` (${n} of ${units} units)`);

/**
 * The MULT PROC indicator rules, applied per date of service and rendering provider: surgery (2),
 * endoscopy (3), diagnostic imaging (4), therapy (5), diagnostic cardiovascular (6) and
 * ophthalmology (7). Add-on codes are exempt.
 */
export function applyMultipleProcedureRules(works: readonly LineWork[]): void {
  const subject: Priced[] = [];
  let units = 0;
  let oneGroup = true;
  for (const w of works) {
    if (!isPriced(w) || w.amount === 0 || !SUBJECT.has(w.row.multipleProcedure) || isAddon(w)) continue;
    const first = subject[0];
    if (first && (first.line.dateOfService !== w.line.dateOfService || first.provider !== w.provider)) oneGroup = false;
    subject.push(w);
    units += w.line.units;
  }
  // A single unit is always the highest of its day: nothing to reduce (the common case).
  if (units < 2) return;
  if (oneGroup) return applyToGroup(works, subject);
  const groups = new Map<string, Priced[]>();
  for (const w of subject) {
    const key = `${w.line.dateOfService}|${w.provider}`;
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  for (const group of groups.values()) if (group.length > 1 || group[0].line.units > 1) applyToGroup(works, group);
}

const SUBJECT = new Set(['2', '3', '4', '5', '6', '7']);

function applyToGroup(works: readonly LineWork[], group: Priced[]): void {
  const by = (...ind: string[]) => group.filter((w) => ind.includes(w.row.multipleProcedure));
  const present = new Set(group.map((w) => w.row.multipleProcedure));
  const rules: Rule[] = [];
  if (present.has('2') || present.has('3')) {
    const surgery = surgicalReductions(by('2', '3'));
    rules.push(
      {
        kind: 'endoscopic-family',
        reductions: surgery.endoscopic,
        describe: (n, u) => `Endoscopic family (indicator 3): paid only the value above the base endoscopy${of(n, u)}.`,
      },
      {
        kind: 'multiple-procedure',
        reductions: surgery.multiple,
        describe: (n, u) => `Multiple surgery (indicator 2/3): not the highest-paid procedure of the day, paid at 50%${of(n, u)}.`,
      },
    );
  }
  if (present.has('4')) {
    const imaging = imagingReductions(by('4'));
    rules.push(
      {
        kind: 'multiple-procedure',
        reductions: imaging.technical,
        describe: (n, u) => `Diagnostic imaging (indicator 4): technical portion after the highest of the day paid at 50%${of(n, u)}.`,
      },
      {
        kind: 'multiple-procedure',
        reductions: imaging.professional,
        describe: (n, u) => `Diagnostic imaging (indicator 4): professional portion after the highest of the day paid at 95%${of(n, u)}.`,
      },
    );
  }
  if (present.has('5'))
    rules.push({
      kind: 'multiple-procedure',
      reductions: therapyReductions(by('5')),
      describe: (n, u) => `Therapy (indicator 5): practice expense reduced by 50% after the highest-PE unit of the day${of(n, u)}.`,
    });
  if (present.has('6'))
    rules.push({
      kind: 'multiple-procedure',
      reductions: technicalReductions(by('6'), 7_500),
      describe: (n, u) => `Diagnostic cardiovascular (indicator 6): technical portion after the highest of the day paid at 75%${of(n, u)}.`,
    });
  if (present.has('7'))
    rules.push({
      kind: 'multiple-procedure',
      reductions: technicalReductions(by('7'), 8_000),
      describe: (n, u) => `Diagnostic ophthalmology (indicator 7): technical portion after the highest of the day paid at 80%${of(n, u)}.`,
    });
  for (const rule of rules) {
    for (const [index, cut] of rule.reductions.cut) {
      const w = works[index];
      if (cut > 0) adjust(w, rule.kind, rule.describe(rule.reductions.reduced.get(index) ?? 0, w.line.units), w.amount - cut);
    }
  }
}
