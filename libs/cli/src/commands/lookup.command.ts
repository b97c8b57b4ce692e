import { isValidIsoDate, lookupCode, maiLabel, type CodeLookup, type Sourced } from '@claimflow/domain';
import { defaultDataDir, loadDefaultCatalog } from '@claimflow/refdata';
import { isAbsolute, resolve } from 'node:path';
import { readArgs } from '../args';
import { reportFailure } from '../cli-failure';
import type { CliCommand, CliIo } from '../cli-command';

const USAGE = `Usage: claimflow lookup <code> [--date YYYY-MM-DD] [--latest] [--json] [--dir data/refdata]
  Fee-schedule rows, MUEs (with MAI), add-on type and primaries, and PTP pairs where the code is
  column 1 or column 2, each from the release in force on the date and naming it.
  --date    the date of service (default: today)
  --latest  use the newest release of a dataset when none is in force on the date.`;

function head<T>(io: CliIo, title: string, s: Sourced<T>): s is Extract<Sourced<T>, { value: T }> {
  if (s.release === null) {
    io.out(`${title}: unavailable (${s.unavailable})`);
    return false;
  }
  io.out(`${title} [release ${s.release}${s.partial ? ', PARTIAL' : ''}]`);
  for (const n of s.notes) io.out(`  note: ${n}`);
  return true;
}

const absent = (s: { partial: boolean }, what: string): string =>
  s.partial ? `  not in this partial release: unknown, not free` : `  ${what}`;

function printText(io: CliIo, l: CodeLookup): void {
  io.out(`${l.code} on ${l.date}`);
  if (head(io, 'Fee schedule', l.feeSchedule)) {
    const { rows, conversionFactor } = l.feeSchedule.value;
    // A partial fee schedule (the CY2026 excerpt shipped here) says so, and where the nearest full year's figures are.
    if (!rows.length && l.feeSchedule.partial)
      io.out(
        `  not in the ${l.date.slice(0, 4)} excerpt shipped here (unknown to it, not free); \`claimflow fee ${l.code} --date ${l.date}\` shows the nearest full year's figures, labelled`,
      );
    else if (!rows.length) io.out(absent(l.feeSchedule, 'not in this release'));
    for (const r of rows)
      io.out(
        `  ${(r.modifier || 'global').padEnd(6)} status ${r.status}  work ${r.workRvu}  PE non-fac ${r.nonFacilityPeRvu} fac ${r.facilityPeRvu}  MP ${r.mpRvu}  total non-fac ${r.nonFacilityTotal} ($${(r.nonFacilityTotal * conversionFactor).toFixed(2)}) fac ${r.facilityTotal} ($${(r.facilityTotal * conversionFactor).toFixed(2)})  PC/TC ${r.pctcIndicator}  global ${r.globalDays}  CF ${conversionFactor}`,
      );
  }
  for (const [setting, s] of Object.entries(l.mue))
    if (head(io, `MUE ${setting}`, s))
      io.out(
        s.value
          ? `  ${s.value.value} units, ${maiLabel(s.value.mai)}${s.value.rationale ? `, ${s.value.rationale}` : ''}`
          : absent(s, 'no MUE in this release'),
      );
  if (head(io, 'Add-on', l.addon))
    io.out(
      l.addon.value
        ? `  type ${l.addon.value.type}; primaries: ${l.addon.value.primaries.join(' ') || 'none listed (CCCCC)'}`
        : absent(l.addon, 'not an add-on code in this release'),
    );
  if (head(io, 'PTP practitioner', l.ptp)) {
    const { asColumn1, asColumn2 } = l.ptp.value;
    io.out(`  as column 1 (${asColumn1.length} column-2 codes denied with it):`);
    for (const e of asColumn1)
      io.out(
        `    ${e.column1}/${e.column2} modifier ${e.modifierIndicator}${e.effective ? ` since ${e.effective}` : ''}${e.rationale ? `  ${e.rationale}` : ''}`,
      );
    io.out(`  as column 2 (${asColumn2.length} column-1 codes it is denied with):`);
    for (const e of asColumn2)
      io.out(
        `    ${e.column1}/${e.column2} modifier ${e.modifierIndicator}${e.effective ? ` since ${e.effective}` : ''}${e.rationale ? `  ${e.rationale}` : ''}`,
      );
  }
}

export const lookupCommand: CliCommand = {
  name: 'lookup',
  summary: 'Show what the reference data says about a HCPCS/CPT code on a date of service',
  usage: USAGE,
  async run(args, io) {
    const a = readArgs(args, { date: { type: 'string' }, latest: { type: 'boolean' }, json: { type: 'boolean' }, dir: { type: 'string' } });
    if (!a.ok || a.positionals.length !== 1 || (a.values.date !== undefined && !isValidIsoDate(a.values.date))) {
      const json = args.includes('--json');
      const message = a.ok ? 'give one code (and --date YYYY-MM-DD, default today)' : a.message;
      if (!json) io.err(USAGE);
      return reportFailure(io, 'lookup', json, { code: 'ARGUMENT_INVALID', message }, 2);
    }
    const code = a.positionals[0].toUpperCase();
    const dir = a.values.dir ? (isAbsolute(a.values.dir) ? a.values.dir : resolve(io.cwd, a.values.dir)) : defaultDataDir();
    const result = lookupCode(await loadDefaultCatalog(dir), code, a.values.date ?? new Date().toISOString().slice(0, 10), {
      latest: a.values.latest,
    });
    if (a.values.json) io.out(JSON.stringify(result, null, 2));
    else printText(io, result);
    return 0;
  },
};
