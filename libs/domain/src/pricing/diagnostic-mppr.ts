import type { RvuRow } from '../refdata/tables';
import { splitUnit } from './component-split';
import { rowFeeCents } from './line-rates';
import type { LineWork } from './line-work';
import { noReductions, rankAndReduce, type Instance, type Reductions } from './rank-reduce';

type Priced = LineWork & { row: RvuRow };

function pushUnits(into: Instance[], work: Priced, amount: number): void {
  for (let u = 0; u < work.line.units; u++) into.push({ index: work.index, amount });
}

/** Indicator 4: subsequent technical portions at 50%, professional portions at 95%, within one imaging family. */
export function imagingReductions(group: readonly Priced[]): { technical: Reductions; professional: Reductions } {
  const technical = noReductions();
  const professional = noReductions();
  const families = new Map<string, Priced[]>();
  for (const w of group) families.set(w.row.diagnosticImagingFamily, [...(families.get(w.row.diagnosticImagingFamily) ?? []), w]);
  for (const members of families.values()) {
    const tc: Instance[] = [];
    const pc: Instance[] = [];
    for (const w of members) {
      const split = splitUnit(w);
      pushUnits(tc, w, split.technical);
      pushUnits(pc, w, split.professional);
    }
    rankAndReduce(tc, 5_000, technical);
    rankAndReduce(pc, 9_500, professional);
  }
  return { technical, professional };
}

/** Indicators 6 (cardiovascular, 75%) and 7 (ophthalmology, 80%): subsequent technical portions only. */
export function technicalReductions(group: readonly Priced[], basisPoints: number): Reductions {
  const tc: Instance[] = [];
  for (const w of group) pushUnits(tc, w, splitUnit(w).technical);
  return rankAndReduce(tc, basisPoints);
}

/** Indicator 5 (therapy): the unit with the highest PE is paid in full; every other unit loses half its PE. */
export function therapyReductions(group: readonly Priced[]): Reductions {
  const out = noReductions();
  const units: Instance[] = [];
  for (const w of group) pushUnits(units, w, w.unitCents - rowFeeCents(w.row, w.rates, 0.5));
  const ranked = units.filter((u) => u.amount > 0).sort((a, b) => b.amount - a.amount || a.index - b.index);
  for (const u of ranked.slice(1)) {
    out.cut.set(u.index, (out.cut.get(u.index) ?? 0) + u.amount);
    out.reduced.set(u.index, (out.reduced.get(u.index) ?? 0) + 1);
  }
  return out;
}
