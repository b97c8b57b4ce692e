import {
  feeLookup,
  isValidIsoDate,
  type FeeLookup,
  type FeeLookupOptions,
  type RefDataCatalog,
  type SettingAmounts,
} from '@claimflow/domain';
import { defaultDataDir, loadDefaultCatalog } from '@claimflow/refdata';
import { isAbsolute, resolve } from 'node:path';
import { readArgs } from '../args';
import type { CliCommand, CliIo } from '../cli-command';
import { reportFailure } from '../cli-failure';

const USAGE = `Usage: claimflow fee <code> [--modifier 26|TC] [--locality CARRIER-LOC | --zip 12345] [--pos 11]
                     [--date YYYY-MM-DD] [--latest] [--json] [--dir data/refdata]
  Medicare Physician Fee Schedule amount of a code: RVUs, GPCIs, conversion factor, the global,
  26 and TC amounts in both settings, and the chosen line with Medicare's 80%, the 20%
  coinsurance and the limiting charge. Without --locality or --zip: national GPCIs (1.0).
  Without --date: today's date of service (the newest loaded fee schedule when none is in force today).
  A code the fee schedule of the date holds only in part (the CY2026 excerpt shipped here) is shown
  with the nearest full year's figures, labelled as such.`;

const money = (v: number | null): string => (v === null ? 'NA' : `$${v.toFixed(2)}`);
const both = (a: SettingAmounts): string => `${money(a.nonFacility).padStart(10)} ${money(a.facility).padStart(10)}`;

export function printFee(io: CliIo, l: FeeLookup): void {
  const where =
    l.locality.source === 'national'
      ? l.locality.name
      : `${l.locality.carrier}-${l.locality.locality} ${l.locality.name} (from ${l.locality.source})`;
  // Said first: figures from another year than the one asked for are a reference, labelled on every line that matters.
  if (l.excerpt) io.out(`${l.excerpt.note}`);
  const label = l.excerpt ? ` (${l.excerpt.period} reference figures, not for ${l.excerpt.requestedDate})` : '';
  io.out(`${l.code} on ${l.date}${label}: conversion factor ${l.conversionFactor}`);
  io.out(`Locality ${where}: GPCI work ${l.gpci.work}, PE ${l.gpci.pe}, MP ${l.gpci.mp}`);
  const i = l.indicators;
  io.out(
    `Indicators: PC/TC ${i.pctc}, global ${i.globalDays}, mult proc ${i.multipleProcedure}, bilateral ${i.bilateral}, assistant ${i.assistant}, co-surgeon ${i.coSurgeon}, team ${i.team}${i.endoscopicBase ? `, endo base ${i.endoscopicBase}` : ''}`,
  );
  io.out('');
  io.out(
    `${'component'.padEnd(18)} st  ${'work'.padStart(6)} ${'PE nf'.padStart(6)} ${'PE fac'.padStart(6)} ${'MP'.padStart(5)} ${'tot nf'.padStart(6)} ${'tot fac'.padStart(7)} ${'non-fac'.padStart(10)} ${'facility'.padStart(10)}  ${'limiting nf'.padStart(11)} ${'limiting fac'.padStart(12)}`,
  );
  for (const c of l.components) {
    const r = c.rvus;
    const rvus = [r.work, r.nonFacilityPe, r.facilityPe].map((v) => v.toFixed(2).padStart(6)).join(' ');
    io.out(
      `${c.label.padEnd(18)} ${c.status.padEnd(3)} ${rvus} ${r.mp.toFixed(2).padStart(5)} ${r.nonFacilityTotal.toFixed(2).padStart(6)} ${r.facilityTotal.toFixed(2).padStart(7)} ${both(c.participating)}  ${money(c.limitingCharge.nonFacility).padStart(11)} ${money(c.limitingCharge.facility).padStart(12)}`,
    );
  }
  const ch = l.chosen;
  io.out('');
  io.out(
    `Chosen${label}: ${l.code}${ch.modifier ? '-' + ch.modifier : ''} at POS ${ch.pos} (${ch.setting}): ${ch.status}${ch.reason ? ` (${ch.reason})` : ''}`,
  );
  io.out(
    `  allowed ${money(ch.allowed)}  Medicare 80% ${money(ch.medicarePayment)}  coinsurance 20% ${money(ch.coinsurance)}  limiting charge ${money(ch.limitingCharge)}`,
  );
  for (const a of ch.adjustments) io.out(`  adjustment: ${a.description} ${money(a.amountBefore)} -> ${money(a.amountAfter)}`);
  io.out(`Releases: ${l.releases.join(', ')}`);
  for (const n of l.notes) io.out(`Note: ${n}`);
}

function parseOptions(values: Record<string, string | boolean | undefined>): FeeLookupOptions | string {
  const s = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const modifier = s('modifier')?.toUpperCase();
  if (modifier && modifier !== '26' && modifier !== 'TC') return '--modifier must be 26 or TC';
  const loc = s('locality');
  const m = loc ? /^(\d{5})-(\d{2})$/.exec(loc) : null;
  if (loc && !m) return '--locality must be CARRIER-LOC, e.g. 01182-18';
  if (loc && s('zip')) return 'give --locality or --zip, not both';
  const zip = s('zip');
  if (zip && !/^\d{5}(\d{4})?$/.test(zip)) return '--zip must be 5 or 9 digits';
  const pos = s('pos');
  if (pos && !/^\d{2}$/.test(pos)) return '--pos must be two digits';
  const date = s('date');
  if (date && !isValidIsoDate(date)) return '--date must be YYYY-MM-DD';
  return { modifier, ...(m ? { carrier: m[1], locality: m[2] } : {}), zip, pos, date, latest: values.latest === true };
}

/** `claimflow fee`; loadCatalog is injectable so tests can hand in their own catalog. */
export function createFeeCommand(loadCatalog: (dir: string) => Promise<RefDataCatalog> = loadDefaultCatalog): CliCommand {
  return {
    name: 'fee',
    summary: 'Medicare fee schedule amount of a code: RVUs, locality, global/26/TC, 80/20 and limiting charge',
    usage: USAGE,
    async run(args, io) {
      const a = readArgs(args, {
        modifier: { type: 'string' },
        locality: { type: 'string' },
        zip: { type: 'string' },
        pos: { type: 'string' },
        date: { type: 'string' },
        latest: { type: 'boolean' },
        json: { type: 'boolean' },
        dir: { type: 'string' },
      });
      const options = a.ok ? parseOptions(a.values) : a.message;
      const json = args.includes('--json');
      if (!a.ok || typeof options === 'string' || a.positionals.length !== 1) {
        const message = typeof options === 'string' ? options : 'give one code';
        if (!json) io.err(USAGE);
        return reportFailure(io, 'fee', json, { code: 'ARGUMENT_INVALID', message }, 2);
      }
      const dir = a.values.dir ? (isAbsolute(a.values.dir) ? a.values.dir : resolve(io.cwd, a.values.dir)) : defaultDataDir();
      const result = feeLookup(a.positionals[0].toUpperCase(), options, await loadCatalog(dir));
      if (!result.ok) return reportFailure(io, 'fee', json, { code: result.error.code, message: result.error.message }, 1);
      if (a.values.json) io.out(JSON.stringify(result.value, null, 2));
      else printFee(io, result.value);
      return 0;
    },
  };
}

export const feeCommand: CliCommand = createFeeCommand();
