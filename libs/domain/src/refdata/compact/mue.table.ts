import type { ReleaseInfo } from '../release';
import type { MueEntry, MueTable } from '../tables';

export class CodeMueTable implements MueTable {
  private readonly byCode: Map<string, MueEntry>;

  constructor(
    readonly release: ReleaseInfo,
    readonly rows: readonly MueEntry[],
  ) {
    this.byCode = new Map(rows.map((r) => [r.code, r]));
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): MueEntry | undefined {
    return this.byCode.get(code);
  }
}
