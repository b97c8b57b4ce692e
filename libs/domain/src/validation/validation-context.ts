import type { Claim, ClaimLine } from '../claim/claim.schema';
import type { AddonEntry, RvuRow } from '../refdata/tables';
import type { Edit } from './edit';
import type { DosTables } from './dos-tables';
import type { GapGroup } from './refdata-gaps';

/** One claim line with everything the rules look up more than once, computed once. */
export interface LineCtx {
  readonly line: ClaimLine;
  readonly n: number;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly dos: number;
  /** Rendering provider: line NPI, else claim rendering NPI, else billing NPI. */
  readonly provider: string;
  /** Index into sessions: lines on the same date of service by the same provider. */
  readonly session: number;
  readonly pos: string;
  readonly t: DosTables;
  /** The fee-schedule row of the component billed (26/TC row when present), else the global row. */
  readonly fee: RvuRow | undefined;
  /** MPFS global days of the code; from the nearest complete fee schedule when the partial one in force lacks it. */
  readonly globalDays: string | undefined;
  readonly addon: AddonEntry | undefined;
}

export interface ValidationContext {
  readonly claim: Claim;
  readonly institutional: boolean;
  readonly lines: readonly LineCtx[];
  readonly sessions: readonly (readonly LineCtx[])[];
  readonly edits: Edit[];
  /** Edit families not checked against the release in force (no release, stand-in, partial), by dataset and outcome. */
  readonly gaps: GapGroup[];
}

export type Rule = (ctx: ValidationContext) => void;

export function lineLabel(l: LineCtx): string {
  return `${l.code} (line ${l.n})`;
}
