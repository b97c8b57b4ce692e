import type { PtpSink } from '../parsers/ptp-sink';
import type { ModifierIndicator } from '../tables';
import type { PtpColumns } from './ptp.columns';

/** Accumulates parsed PTP rows in growable typed arrays, then lays them out as PtpColumns. */
export class PtpBuilder implements PtpSink {
  private readonly codeIds = new Map<string, number>();
  private readonly codes: string[] = [];
  private readonly rationaleIds = new Map<string, number>();
  private readonly rationales: string[] = [];
  private c1 = new Uint32Array(1024);
  private c2 = new Uint32Array(1024);
  private eff = new Int32Array(1024);
  private del = new Int32Array(1024);
  private mod = new Uint8Array(1024);
  private rat = new Uint16Array(1024);
  private n = 0;

  get rows(): number {
    return this.n;
  }

  add(
    column1: string,
    column2: string,
    effective: number | null,
    deletion: number | null,
    modifier: ModifierIndicator,
    rationale: string,
  ): void {
    if (this.n === this.c1.length) this.grow();
    const i = this.n++;
    this.c1[i] = this.intern(column1);
    this.c2[i] = this.intern(column2);
    this.eff[i] = effective ?? 0;
    this.del[i] = deletion ?? 0;
    this.mod[i] = Number(modifier);
    let r = this.rationaleIds.get(rationale);
    if (r === undefined) {
      r = this.rationales.push(rationale) - 1;
      if (r > 0xffff) throw new Error('more than 65536 distinct PTP rationales');
      this.rationaleIds.set(rationale, r);
    }
    this.rat[i] = r;
  }

  build(): PtpColumns {
    const n = this.n;
    const order = this.codes.map((_, i) => i).sort((a, b) => (this.codes[a] < this.codes[b] ? -1 : 1));
    const remap = new Uint32Array(order.length);
    order.forEach((old, id) => (remap[old] = id));
    const start = new Uint32Array(order.length + 1);
    for (let i = 0; i < n; i++) start[remap[this.c1[i]] + 1]++;
    for (let i = 0; i < order.length; i++) start[i + 1] += start[i];
    const fill = start.slice(0, order.length);
    const rowAt = new Uint32Array(n);
    for (let i = 0; i < n; i++) rowAt[fill[remap[this.c1[i]]]++] = i;
    for (let c = 0; c < order.length; c++) {
      const run = rowAt.subarray(start[c], start[c + 1]);
      // Within a pair: oldest first, and with equal (or unknown) effective dates the deleted row before the active one.
      run.sort(
        (a, b) =>
          remap[this.c2[a]] - remap[this.c2[b]] || this.eff[a] - this.eff[b] || (this.del[a] || 99999999) - (this.del[b] || 99999999),
      );
    }
    const column2 = order.length <= 0x10000 ? new Uint16Array(n) : new Uint32Array(n);
    const effective = new Int32Array(n);
    const deletion = new Int32Array(n);
    const modifier = new Uint8Array(n);
    const rationale = new Uint16Array(n);
    for (let k = 0; k < n; k++) {
      const i = rowAt[k];
      column2[k] = remap[this.c2[i]];
      effective[k] = this.eff[i];
      deletion[k] = this.del[i];
      modifier[k] = this.mod[i];
      rationale[k] = this.rat[i];
    }
    return {
      codes: order.map((i) => this.codes[i]),
      rationales: [...this.rationales],
      start,
      column2,
      effective,
      deletion,
      modifier,
      rationale,
    };
  }

  private intern(code: string): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.codes.push(code) - 1;
      this.codeIds.set(code, id);
    }
    return id;
  }

  private grow(): void {
    const size = this.c1.length * 2;
    const up = <T extends Uint32Array | Int32Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.c1 = up(this.c1, (s) => new Uint32Array(s));
    this.c2 = up(this.c2, (s) => new Uint32Array(s));
    this.eff = up(this.eff, (s) => new Int32Array(s));
    this.del = up(this.del, (s) => new Int32Array(s));
    this.mod = up(this.mod, (s) => new Uint8Array(s));
    this.rat = up(this.rat, (s) => new Uint16Array(s));
  }
}
