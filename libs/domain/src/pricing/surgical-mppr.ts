import type { RvuRow } from '../refdata/tables';
import { rowFeeCents } from './line-rates';
import type { LineWork } from './line-work';
import { percentOf } from './money';
import { noReductions, type Reductions } from './rank-reduce';

type Priced = LineWork & { row: RvuRow };

interface Procedure {
  readonly amount: number;
  readonly firstIndex: number;
  readonly parts: Map<number, number>;
}

export interface SurgicalReductions {
  /** Indicator 3: the special endoscopy rule inside each family. */
  readonly endoscopic: Reductions;
  /** Indicators 2 and 3: 100% for the highest procedure, 50% for the others. */
  readonly multiple: Reductions;
}

/**
 * Endoscopies sharing a base code form a family: the highest is paid in full and each other one
 * adds only its value above the base. Each family then ranks as one procedure with the indicator-2
 * procedures of the day.
 */
export function surgicalReductions(group: readonly Priced[]): SurgicalReductions {
  const endoscopic = noReductions();
  const procedures: Procedure[] = [];
  const families = new Map<string, Priced[]>();
  // The base endoscopy itself carries indicator 2; billed beside a family member it joins the family.
  const bases = new Set(group.filter((w) => w.row.multipleProcedure === '3').map((w) => w.row.endoscopicBase || w.row.hcpcs));
  for (const w of group) {
    if (w.row.multipleProcedure === '3' || bases.has(w.row.hcpcs)) {
      const base = w.row.multipleProcedure === '3' ? w.row.endoscopicBase || w.row.hcpcs : w.row.hcpcs;
      const family = families.get(base);
      if (family) family.push(w);
      else families.set(base, [w]);
    } else {
      for (let u = 0; u < w.line.units; u++)
        procedures.push({ amount: w.perUnit, firstIndex: w.index, parts: new Map([[w.index, w.perUnit]]) });
    }
  }
  for (const [base, members] of families) procedures.push(endoscopyFamily(base, members, endoscopic));
  const multiple = noReductions();
  const ranked = procedures.filter((p) => p.amount > 0).sort((a, b) => b.amount - a.amount || a.firstIndex - b.firstIndex);
  for (const p of ranked.slice(1)) {
    for (const [index, cents] of p.parts) {
      multiple.cut.set(index, (multiple.cut.get(index) ?? 0) + cents - percentOf(cents, 5_000));
      if (cents > 0) multiple.reduced.set(index, (multiple.reduced.get(index) ?? 0) + 1);
    }
  }
  return { endoscopic, multiple };
}

function endoscopyFamily(base: string, members: readonly Priced[], into: Reductions): Procedure {
  const units: Priced[] = [];
  for (const w of members) for (let u = 0; u < w.line.units; u++) units.push(w);
  units.sort((a, b) => b.perUnit - a.perUnit || a.index - b.index);
  const parts = new Map<number, number>();
  units.forEach((w, rank) => {
    const baseRow = w.tables.rvu.get(base, '');
    const baseFee = baseRow && baseRow.hcpcs !== w.row.hcpcs ? rowFeeCents(baseRow, w.rates) : w.row.hcpcs === base ? w.perUnit : 0;
    const paid = rank === 0 ? w.perUnit : Math.max(0, w.perUnit - baseFee);
    if (paid < w.perUnit) {
      into.cut.set(w.index, (into.cut.get(w.index) ?? 0) + w.perUnit - paid);
      into.reduced.set(w.index, (into.reduced.get(w.index) ?? 0) + 1);
    }
    parts.set(w.index, (parts.get(w.index) ?? 0) + paid);
  });
  const amount = [...parts.values()].reduce((a, b) => a + b, 0);
  return { amount, firstIndex: units[0].index, parts };
}
