import {
  AddonCodeTable,
  CodeMueTable,
  NOTE_NO_PTP_EFFECTIVE_DATES,
  ok,
  parseAddon,
  parseMue,
  parsePtpCsv2024,
  parsePtpOfficial,
  parsePtpSubsetCsv,
  quarterRelease,
} from '@claimflow/domain';
import { ptpGroup, type ImportContext, type Imported } from './import-context';
import { mueSettingOf, ptpSettingOf, quarterFromMueName, quarterFromPtpVersion, quarterFromText } from './path-hints';

/** PTP edits of one quarter go into the shared group of their release (a quarter may come in four files). */
export function importPtp({ file, kind, lines, hints, ptp, o, quarter, bad, noRelease }: ImportContext): Imported {
  const q = (hints.quarter ? quarterFromText(hints.quarter) : null) ?? quarterFromPtpVersion(file) ?? quarter;
  if (!q) return noRelease('quarter');
  const dataset = ptpSettingOf(file);
  const notes = kind === 'ptp-csv-2024q3' ? [NOTE_NO_PTP_EFFECTIVE_DATES, ...o.notes] : o.notes;
  const group = ptpGroup(ptp, quarterRelease(dataset, q.year, q.quarter, { ...o, notes }));
  const r = kind === 'ptp-official' ? parsePtpOfficial(lines, group.builder) : parsePtpCsv2024(lines, group.builder);
  if (!r.ok) return bad(r.error);
  return ok({ dataset, tables: [], releases: [group.release.id], rows: r.value.rows });
}

/** A PTP subset names each row's quarter (its reference version), so one file may feed several releases. */
export function importPtpSubset({ file, lines, ptp, o, bad }: ImportContext): Imported {
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

/** MUEs: the setting from the file's header, else its name; a subset names each row's quarter. */
export function importMue({ file, kind, lines, hints, o, quarter, bad, noRelease, one }: ImportContext): Imported {
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

export function importAddon({ lines, o, quarter, bad, noRelease, one }: ImportContext): Imported {
  const r = parseAddon(lines);
  if (!r.ok) return bad(r.error);
  if (!quarter) return noRelease('quarter');
  return one('ncci-addon', new AddonCodeTable(quarterRelease('ncci-addon', quarter.year, quarter.quarter, o), r.value), r.value.length);
}
