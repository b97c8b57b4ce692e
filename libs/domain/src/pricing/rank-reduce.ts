import { percentOf } from './money';

export interface Instance {
  readonly index: number;
  readonly amount: number;
}

export interface Reductions {
  /** Cents taken off, by line index. */
  readonly cut: Map<number, number>;
  /** How many of a line's instances were reduced. */
  readonly reduced: Map<number, number>;
}

export const noReductions = (): Reductions => ({ cut: new Map(), reduced: new Map() });

/**
 * CMS ranks by amount: the highest instance is paid in full, every other one at basisPoints.
 * Ties keep line order, so the earlier line is the one paid in full.
 */
export function rankAndReduce(instances: readonly Instance[], basisPoints: number, into: Reductions = noReductions()): Reductions {
  const ranked = instances.filter((i) => i.amount > 0).sort((a, b) => b.amount - a.amount || a.index - b.index);
  for (const inst of ranked.slice(1)) {
    const cut = inst.amount - percentOf(inst.amount, basisPoints);
    into.cut.set(inst.index, (into.cut.get(inst.index) ?? 0) + cut);
    into.reduced.set(inst.index, (into.reduced.get(inst.index) ?? 0) + 1);
  }
  return into;
}
