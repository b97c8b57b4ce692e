import type { Claim } from '../claim/claim.schema';
import type { RefDataCatalog } from '../refdata/catalog';
import type { FeeScheduleTable, RvuRow } from '../refdata/tables';
import { referenceFeeSchedule } from '../pricing/excerpt';
import { resolveDosMemo } from './dos-memo';
import type { RefdataFallback } from './dos-tables';
import { addToGap, gapEdit, notCheckedEntry, type GapGroup } from './refdata-gaps';
import type { ResolvedDos } from './resolve-dos-tables';
import type { LineCtx, ValidationContext } from './validation-context';

/** Groups the claim's lines by date of service and session, resolving each date's tables once. */
export function buildContext(claim: Claim, catalog: RefDataCatalog, mode: RefdataFallback, releases: Set<string>): ValidationContext {
  const institutional = claim.claimType === 'institutional';
  const dates: string[] = [];
  const resolved: ResolvedDos[] = [];
  const sessionIso: string[] = [];
  const sessionNpi: string[] = [];
  const sessions: LineCtx[][] = [];
  const fallbackNpi = claim.renderingProviderNpi ?? claim.billingProvider.npi;
  const lines: LineCtx[] = [];
  const gapGroups: GapGroup[] = [];
  for (const line of claim.lines) {
    const iso = line.dateOfService;
    let d = dates.indexOf(iso);
    if (d < 0) {
      const r = resolveDosMemo(catalog, iso, institutional, mode);
      for (const id of r.releases) releases.add(id);
      d = dates.push(iso) - 1;
      resolved.push(r);
    }
    const r = resolved[d];
    const t = r.tables;
    for (const gap of r.gaps) addToGap(gapGroups, gap, iso, line.lineNumber);
    const provider = line.renderingProviderNpi ?? fallbackNpi;
    const fee = t.fee ? feeRow(t.fee, line.code, line.modifiers) : undefined;
    let session = 0;
    while (session < sessions.length && (sessionIso[session] !== iso || sessionNpi[session] !== provider)) session++;
    if (session === sessions.length) {
      sessionIso.push(iso);
      sessionNpi.push(provider);
      sessions.push([]);
    }
    const ctx: LineCtx = {
      line,
      n: line.lineNumber,
      code: line.code,
      modifiers: line.modifiers,
      units: line.units,
      dos: t.dos,
      provider,
      session,
      pos: line.placeOfService ?? claim.placeOfService,
      t,
      fee,
      globalDays: fee?.globalDays ?? (t.fee?.release.partial ? referenceGlobalDays(catalog, line.code, iso) : undefined),
      addon: t.addon?.get(line.code),
    };
    sessions[session].push(ctx);
    lines.push(ctx);
  }
  // Each warn from its NotChecked entry alone (completeValidation derives it again from that), naming the lines as grouped.
  const edits = gapGroups.map((g) => gapEdit(notCheckedEntry(g), g.lines));
  return { claim, institutional, lines, sessions, edits, gaps: gapGroups };
}

/** Global days (NCCI Policy Manual ch. I §D needs them for 25 and 57) from the nearest complete fee schedule. */
function referenceGlobalDays(catalog: RefDataCatalog, code: string, iso: string): string | undefined {
  const ref = referenceFeeSchedule(catalog, iso);
  if (!ref) return undefined;
  const table = catalog.resolve('mpfs-rvu', ref.date);
  return table.ok ? (table.value.get(code, '') ?? table.value.rowsOf(code)[0])?.globalDays : undefined;
}

/** The row of the component billed (26/TC) when the file has one, else the global row, else the code's only row. */
function feeRow(fee: FeeScheduleTable, code: string, modifiers: readonly string[]): RvuRow | undefined {
  const component = modifiers.includes('26') ? '26' : modifiers.includes('TC') ? 'TC' : '';
  return (component ? fee.get(code, component) : undefined) ?? fee.get(code, '') ?? fee.rowsOf(code)[0];
}
