import {
  calendarYearRelease,
  LocalityAnesthesiaTable,
  LocalityGpciTable,
  LocalityOppsCapTable,
  LoccoTable,
  parseAnes,
  parseGpci,
  parseLocco,
  parseOppsCap,
  parsePprrvu,
  parseZip5,
  RvuFeeScheduleTable,
  Zip5LocalityTable,
  zip5Release as zip5ReleaseOf,
  type ReleaseInfo,
} from '@claimflow/domain';
import type { ImportContext, Imported } from './import-context';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** PPRRVU: the release is named by the month in the file's title (January Release -> JAN). */
export function importPprrvu({ lines, o, bad, one }: ImportContext): Imported {
  const r = parsePprrvu(lines);
  if (!r.ok) return bad(r.error);
  const month = /(January|February|March|April|May|June|July|August|September|October|November|December) Release/i.exec(r.value.title);
  const label = month ? MONTHS[new Date(`${month[1]} 1, 2000`).getMonth()] : 'RVU';
  const release = calendarYearRelease('mpfs-rvu', `MPFS-${r.value.year}-${label}`, r.value.year, o);
  return one('mpfs-rvu', new RvuFeeScheduleTable(release, r.value.conversionFactor, r.value.rows), r.value.rows.length);
}

export function importGpci({ lines, o, bad, one }: ImportContext): Imported {
  const r = parseGpci(lines);
  if (!r.ok) return bad(r.error);
  return one(
    'mpfs-gpci',
    new LocalityGpciTable(calendarYearRelease('mpfs-gpci', `MPFS-${r.value.year}-GPCI`, r.value.year, o), r.value.rows, r.value.notes),
    r.value.rows.length,
  );
}

export function importLocco({ lines, o, bad, one }: ImportContext): Imported {
  const r = parseLocco(lines);
  if (!r.ok) return bad(r.error);
  return one(
    'mpfs-locco',
    new LoccoTable(calendarYearRelease('mpfs-locco', `MPFS-${r.value.year}-LOCCO`, r.value.year, o), r.value.rows),
    r.value.rows.length,
  );
}

/** Anesthesia conversion factors: the year comes from the path or a hint, the file does not say it. */
export function importAnes({ lines, o, year, bad, noRelease, one }: ImportContext): Imported {
  const r = parseAnes(lines);
  if (!r.ok) return bad(r.error);
  if (!year) return noRelease('year');
  return one(
    'mpfs-anes',
    new LocalityAnesthesiaTable(
      calendarYearRelease('mpfs-anes', `MPFS-${year}-ANES`, year, o),
      r.value.nationalConversionFactor,
      r.value.rows,
    ),
    r.value.rows.length,
  );
}

/** OPPS cap amounts: the year comes from the path or a hint. */
export function importOppsCap({ lines, o, year, bad, noRelease, one }: ImportContext): Imported {
  const r = parseOppsCap(lines);
  if (!r.ok) return bad(r.error);
  if (!year) return noRelease('year');
  return one(
    'mpfs-oppscap',
    new LocalityOppsCapTable(calendarYearRelease('mpfs-oppscap', `MPFS-${year}-OPPSCAP`, year, o), r.value),
    r.value.length,
  );
}

export function importZip5({ lines, o, bad, one }: ImportContext): Imported {
  const r = parseZip5(lines);
  if (!r.ok) return bad(r.error);
  return one(
    'mpfs-zip5',
    new Zip5LocalityTable(zip5ReleaseWith(r.value.yearQuarter, o.partial, o.notes), r.value.rows),
    r.value.rows.length,
  );
}

function zip5ReleaseWith(yearQuarter: number, partial: boolean, notes: readonly string[]): ReleaseInfo {
  const base = zip5ReleaseOf(yearQuarter);
  return { ...base, partial, notes: [...base.notes, ...notes] };
}
