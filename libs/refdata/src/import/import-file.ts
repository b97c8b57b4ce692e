import {
  AddonCodeTable,
  calendarYearRelease,
  CodeMueTable,
  LocalityAnesthesiaTable,
  LocalityGpciTable,
  LocalityOppsCapTable,
  LoccoTable,
  NOTE_NO_PTP_EFFECTIVE_DATES,
  noteSubset,
  parseAddon,
  parseAnes,
  parseGpci,
  parseLocco,
  parseMue,
  parseOppsCap,
  parsePprrvu,
  parsePtpCsv2024,
  parsePtpOfficial,
  parsePtpSubsetCsv,
  parseZip5,
  PtpBuilder,
  quarterRelease,
  RvuFeeScheduleTable,
  Zip5LocalityTable,
  type Dataset,
  type FileKind,
  type ParseError,
  type ReleaseInfo,
  type Result,
  err,
  ok,
  zip5Release as zip5ReleaseOf,
} from '@claimflow/domain';
import { basename, dirname } from 'node:path';
import type { FileHints, ImportError, ImportedTable } from './import-types';
import { mueSettingOf, ptpSettingOf, quarterFromMueName, quarterFromPtpVersion, quarterFromText, yearFromPath } from './path-hints';
import { bufferLines } from './read-source';

/** PTP rows of one release may come from several files (CMS splits a quarter in four). */
export type PtpGroups = Map<string, { dataset: Dataset; release: ReleaseInfo; builder: PtpBuilder }>;

export interface FileOutcome {
  readonly dataset: Dataset;
  readonly tables: ImportedTable[];
  readonly releases: string[];
  readonly rows: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Parses one recognised file into tables (or into the shared PTP groups). */
export function importFile(file: string, kind: FileKind, buf: Buffer, hints: FileHints, ptp: PtpGroups): Result<FileOutcome, ImportError> {
  const lines = bufferLines(buf);
  const bad = (e: ParseError): Result<never, ImportError> => err({ code: 'MALFORMED_FILE', file, line: e.line, reason: e.reason });
  const noRelease = (what: string): Result<never, ImportError> =>
    err({ code: 'UNKNOWN_RELEASE', file, reason: `cannot tell the ${what} of this file; pass it as a hint` });
  const partial = hints.partial ?? /excerpt|subset/i.test(`${basename(dirname(file))}/${basename(file)}`);
  const notes = hints.notes ?? (partial ? [noteSubset(`built from an excerpt (${basename(file)})`)] : []);
  const o = { partial, notes, suffix: partial ? 'PARTIAL' : undefined };
  const year = hints.year ?? yearFromPath(file);
  const quarter = (hints.quarter ? quarterFromText(hints.quarter) : null) ?? quarterFromText(file);
  const one = (dataset: Dataset, table: ImportedTable['table'], rows: number): Result<FileOutcome, ImportError> =>
    ok({ dataset, tables: [{ dataset, table }], releases: [table.release.id], rows });

  switch (kind) {
    case 'pprrvu': {
      const r = parsePprrvu(lines);
      if (!r.ok) return bad(r.error);
      const month = /(January|February|March|April|May|June|July|August|September|October|November|December) Release/i.exec(r.value.title);
      const label = month ? MONTHS[new Date(`${month[1]} 1, 2000`).getMonth()] : 'RVU';
      const release = calendarYearRelease('mpfs-rvu', `MPFS-${r.value.year}-${label}`, r.value.year, o);
      return one('mpfs-rvu', new RvuFeeScheduleTable(release, r.value.conversionFactor, r.value.rows), r.value.rows.length);
    }
    case 'gpci': {
      const r = parseGpci(lines);
      if (!r.ok) return bad(r.error);
      return one(
        'mpfs-gpci',
        new LocalityGpciTable(calendarYearRelease('mpfs-gpci', `MPFS-${r.value.year}-GPCI`, r.value.year, o), r.value.rows, r.value.notes),
        r.value.rows.length,
      );
    }
    case 'locco': {
      const r = parseLocco(lines);
      if (!r.ok) return bad(r.error);
      return one(
        'mpfs-locco',
        new LoccoTable(calendarYearRelease('mpfs-locco', `MPFS-${r.value.year}-LOCCO`, r.value.year, o), r.value.rows),
        r.value.rows.length,
      );
    }
    case 'anes': {
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
    case 'oppscap': {
      const r = parseOppsCap(lines);
      if (!r.ok) return bad(r.error);
      if (!year) return noRelease('year');
      return one(
        'mpfs-oppscap',
        new LocalityOppsCapTable(calendarYearRelease('mpfs-oppscap', `MPFS-${year}-OPPSCAP`, year, o), r.value),
        r.value.length,
      );
    }
    case 'zip5': {
      const r = parseZip5(lines);
      if (!r.ok) return bad(r.error);
      return one(
        'mpfs-zip5',
        new Zip5LocalityTable(zip5ReleaseWith(r.value.yearQuarter, o.partial, o.notes), r.value.rows),
        r.value.rows.length,
      );
    }
    case 'ptp-official':
    case 'ptp-csv-2024q3': {
      const q = (hints.quarter ? quarterFromText(hints.quarter) : null) ?? quarterFromPtpVersion(file) ?? quarter;
      if (!q) return noRelease('quarter');
      const dataset = ptpSettingOf(file);
      const notes = kind === 'ptp-csv-2024q3' ? [NOTE_NO_PTP_EFFECTIVE_DATES, ...o.notes] : o.notes;
      const group = ptpGroup(ptp, quarterRelease(dataset, q.year, q.quarter, { ...o, notes }));
      const r = kind === 'ptp-official' ? parsePtpOfficial(lines, group.builder) : parsePtpCsv2024(lines, group.builder);
      if (!r.ok) return bad(r.error);
      return ok({ dataset, tables: [], releases: [group.release.id], rows: r.value.rows });
    }
    case 'ptp-csv-subset': {
      const dataset = ptpSettingOf(file);
      const seen = new Set<string>();
      const r = parsePtpSubsetCsv(lines, (version) => {
        const q = quarterFromText(version)!;
        const group = ptpGroup(ptp, quarterRelease(dataset, q.year, q.quarter, o));
        seen.add(group.release.id);
        return group.builder;
      });
      if (!r.ok) return bad(r.error);
      return ok({ dataset, tables: [], releases: [...seen], rows: r.value.rows });
    }
    case 'mue-official':
    case 'mue-csv-2024q3':
    case 'mue-csv-subset': {
      const r = parseMue(lines);
      if (!r.ok) return bad(r.error);
      const fromHeader = r.value.service
        ? ({ practitioner: 'ncci-mue-practitioner', hospital: 'ncci-mue-hospital', dme: 'ncci-mue-dme' } as const)[r.value.service]
        : null;
      const dataset = fromHeader ?? mueSettingOf(file) ?? (kind === 'mue-csv-subset' ? 'ncci-mue-practitioner' : null);
      if (!dataset) return noRelease('setting (practitioner, outpatient hospital or DME)');
      if (kind === 'mue-csv-subset') {
        const byVersion = new Map<string, typeof r.value.rows>();
        for (const row of r.value.rows) byVersion.set(row.refVersion!, [...(byVersion.get(row.refVersion!) ?? []), row]);
        const tables = [...byVersion].map(([v, rows]) => {
          const q = quarterFromText(v)!;
          return {
            dataset,
            table: new CodeMueTable(
              quarterRelease(dataset, q.year, q.quarter, o),
              rows.map(({ refVersion: _, ...e }) => e),
            ),
          };
        });
        return ok({ dataset, tables, releases: tables.map((t) => t.table.release.id), rows: r.value.rows.length });
      }
      const q = (hints.quarter ? quarterFromText(hints.quarter) : null) ?? quarterFromMueName(file) ?? quarter;
      if (!q) return noRelease('quarter');
      return one(dataset, new CodeMueTable(quarterRelease(dataset, q.year, q.quarter, o), r.value.rows), r.value.rows.length);
    }
    case 'addon': {
      const r = parseAddon(lines);
      if (!r.ok) return bad(r.error);
      if (!quarter) return noRelease('quarter');
      return one('ncci-addon', new AddonCodeTable(quarterRelease('ncci-addon', quarter.year, quarter.quarter, o), r.value), r.value.length);
    }
  }
}

function ptpGroup(groups: PtpGroups, release: ReleaseInfo): { release: ReleaseInfo; builder: PtpBuilder } {
  const key = `${release.dataset}|${release.id}`;
  let g = groups.get(key);
  if (!g) {
    g = { dataset: release.dataset, release, builder: new PtpBuilder() };
    groups.set(key, g);
  }
  return g;
}

function zip5ReleaseWith(yearQuarter: number, partial: boolean, notes: readonly string[]): ReleaseInfo {
  const base = zip5ReleaseOf(yearQuarter);
  return { ...base, partial, notes: [...base.notes, ...notes] };
}
