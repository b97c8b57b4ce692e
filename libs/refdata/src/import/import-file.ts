import type { FileKind } from '@claimflow/domain';
import { importContext, type ImportContext, type Imported, type PtpGroups } from './import-context';
import type { FileHints } from './import-types';
import { importAnes, importGpci, importLocco, importOppsCap, importPprrvu, importZip5 } from './mpfs-importers';
import { importAddon, importMue, importPtp, importPtpSubset } from './ncci-importers';

export type { FileOutcome, PtpGroups } from './import-context';

/** The importer of each recognised kind of file. */
const IMPORTERS: Record<FileKind, (context: ImportContext) => Imported> = {
  pprrvu: importPprrvu,
  gpci: importGpci,
  locco: importLocco,
  anes: importAnes,
  oppscap: importOppsCap,
  zip5: importZip5,
  'ptp-official': importPtp,
  'ptp-csv-2024q3': importPtp,
  'ptp-csv-subset': importPtpSubset,
  'mue-official': importMue,
  'mue-csv-2024q3': importMue,
  'mue-csv-subset': importMue,
  addon: importAddon,
};

/** Parses one recognised file into tables (or into the shared PTP groups). */
export function importFile(file: string, kind: FileKind, buf: Buffer, hints: FileHints, ptp: PtpGroups): Imported {
  return IMPORTERS[kind](importContext(file, kind, buf, hints, ptp));
}
