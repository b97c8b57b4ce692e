/**
 * The attacker's side of the anonymity tests: every published answer becomes a linear equation
 * over "atoms" (payer type x state x month buckets; other attacks map their own groups onto these axes) for one measure (the total, or the reports
 * carrying one reason code, co-billed code, payer, appeal value...). The attacker's own reports
 * are subtracted, since the attacker knows them. Then every candidate cell (each atom, and each
 * view, difference and intersection of the views asked about) that the equations pin down is
 * solved for; a cell whose value is forced into 1..k-1 is a disclosure.
 *
 * Rounded answers (an answer declaring `rounding: b`) are equations with an error of up to b-1
 * each way; a solution carries the error of every equation it combines, and a cell is disclosed
 * only when every value the equations allow (and that is not negative) lies in 1..k-1.
 */
export interface ViewSpec {
  readonly payerType?: string;
  readonly state?: string;
  /** Inclusive YYYYMM bounds. */
  readonly fromMonth?: number;
  readonly toMonth?: number;
}

export interface Observation {
  readonly view: ViewSpec;
  /** 'total', or `${dimension}:${value}` (carc:CO-97, payer:medicaid, appeal:filed...). */
  readonly measure: string;
  readonly value: number;
  /** 1 for an exact count; b when counts are rounded to a multiple of b. */
  readonly rounding: number;
}

export interface KnownReport {
  readonly payerType: string;
  readonly state: string;
  readonly month: number;
  /** 'total' and every `${dimension}:${value}` the report adds to. */
  readonly measures: readonly string[];
}

export interface Universe {
  readonly payerTypes: readonly string[];
  /** States the attacker singles out; every other state is one bucket. */
  readonly states: readonly string[];
  /** Months the attacker singles out (every boundary of a range asked about); other months are one bucket. */
  readonly months: readonly number[];
}

export interface Disclosure {
  readonly measure: string;
  readonly cell: string;
  readonly low: number;
  readonly high: number;
}

interface Atom {
  readonly payerType: string;
  readonly state: string;
  readonly month: number;
}

const OTHER_STATE = '(other)';
const OTHER_MONTH = 0;
const EPS = 1e-9;

function atomsOf(u: Universe): Atom[] {
  const atoms: Atom[] = [];
  for (const payerType of u.payerTypes)
    for (const state of [...u.states, OTHER_STATE]) for (const month of [...u.months, OTHER_MONTH]) atoms.push({ payerType, state, month });
  return atoms;
}

/** Whether an atom lies in a view. The "other months" bucket is outside every bounded range, inside an unbounded one. */
function inView(a: Atom, v: ViewSpec): boolean {
  if (v.payerType !== undefined && a.payerType !== v.payerType) return false;
  if (v.state !== undefined && a.state !== v.state) return false;
  if (v.fromMonth === undefined && v.toMonth === undefined) return true;
  if (a.month === OTHER_MONTH) return false;
  return a.month >= (v.fromMonth ?? 0) && a.month <= (v.toMonth ?? 999999);
}

const describe = (v: ViewSpec) =>
  Object.entries(v)
    .map(([k, x]) => `${k}=${x}`)
    .join('&') || 'all';

interface Row {
  readonly vec: number[];
  readonly value: number;
  readonly error: number;
}

/** Reduces `target` by the independent rows; returns the value and error bound when it lies in their span. */
function solve(basis: readonly Row[], pivots: readonly number[], target: number[]): { value: number; error: number } | null {
  const t = [...target];
  let value = 0;
  let error = 0;
  basis.forEach((row, i) => {
    const f = t[pivots[i]];
    if (Math.abs(f) < EPS) return;
    for (let j = 0; j < t.length; j++) t[j] -= f * row.vec[j];
    value += f * row.value;
    error += Math.abs(f) * row.error;
  });
  return t.every((x) => Math.abs(x) < EPS) ? { value, error } : null;
}

/** Gaussian elimination keeping, for every row of the basis, its value and the sum of the errors it carries. */
function reduce(rows: readonly Row[]): { basis: Row[]; pivots: number[] } {
  const basis: Row[] = [];
  const pivots: number[] = [];
  for (const r of rows) {
    let vec = [...r.vec];
    let value = r.value;
    let error = r.error;
    basis.forEach((b, i) => {
      const f = vec[pivots[i]];
      if (Math.abs(f) < EPS) return;
      vec = vec.map((x, j) => x - f * b.vec[j]);
      value -= f * b.value;
      error += Math.abs(f) * b.error;
    });
    const p = vec.findIndex((x) => Math.abs(x) > EPS);
    if (p < 0) continue;
    const d = vec[p];
    const row = { vec: vec.map((x) => x / d), value: value / d, error: error / Math.abs(d) };
    // Keep the basis fully reduced so that solve() can eliminate pivot by pivot.
    basis.forEach((b, i) => {
      const f = b.vec[p];
      if (Math.abs(f) < EPS) return;
      basis[i] = { vec: b.vec.map((x, j) => x - f * row.vec[j]), value: b.value - f * row.value, error: b.error + Math.abs(f) * row.error };
    });
    basis.push(row);
    pivots.push(p);
  }
  return { basis, pivots };
}

/** The smallest cell the answers pin into 1..k-1 (after subtracting the attacker's own reports), or null. */
export function smallestDisclosure(
  observations: readonly Observation[],
  own: readonly KnownReport[],
  universe: Universe,
  k: number,
): Disclosure | null {
  const atoms = atomsOf(universe);
  const bucket = (r: KnownReport): Atom => ({
    payerType: r.payerType,
    state: universe.states.includes(r.state) ? r.state : OTHER_STATE,
    month: universe.months.includes(r.month) ? r.month : OTHER_MONTH,
  });
  const views = [...new Map(observations.map((o) => [describe(o.view), o.view])).values()];
  const indicator = (v: ViewSpec) => atoms.map((a) => (inView(a, v) ? 1 : 0));
  const candidates: { name: string; vec: number[] }[] = atoms.map((a, i) => ({
    name: `payerType=${a.payerType}&state=${a.state}&month=${a.month || '(other)'}`,
    vec: atoms.map((_, j) => (i === j ? 1 : 0)),
  }));
  for (const v of views) {
    candidates.push({ name: describe(v), vec: indicator(v) });
    for (const w of views) {
      if (v === w) continue;
      const [iv, iw] = [indicator(v), indicator(w)];
      candidates.push({ name: `${describe(v)} minus ${describe(w)}`, vec: iv.map((x, j) => (x && !iw[j] ? 1 : 0)) });
      candidates.push({ name: `${describe(v)} and ${describe(w)}`, vec: iv.map((x, j) => x * iw[j]) });
    }
  }
  let worst: Disclosure | null = null;
  for (const measure of new Set(observations.map((o) => o.measure))) {
    const rows: Row[] = observations
      .filter((o) => o.measure === measure)
      .map((o) => {
        const vec = indicator(o.view);
        const mine = own.filter((r) => r.measures.includes(measure) && inView(bucket(r), o.view)).length;
        return { vec, value: o.value - mine, error: o.rounding - 1 };
      });
    const { basis, pivots } = reduce(rows);
    for (const c of candidates) {
      if (c.vec.every((x) => x === 0)) continue;
      const s = solve(basis, pivots, c.vec);
      if (!s) continue;
      const low = Math.max(0, Math.ceil(s.value - s.error - EPS));
      const high = Math.floor(s.value + s.error + EPS);
      if (low >= 1 && high <= k - 1 && (!worst || high < worst.high)) worst = { measure, cell: c.name, low, high };
    }
  }
  return worst;
}
