import { err, noteSubset, ok, type Result } from '@claimflow/domain';
import { join } from 'node:path';
import { importFiles } from '../import/import-files';
import type { FileHints, ImportError, ImportResult } from '../import/import-types';
import type { Manifest } from './manifest';
import { writeDataSet } from './write-data-set';

const PPRRVU_2026_EXCERPT = 'mpfs/2026/PPRRVU2026_Jul_nonQPP.excerpt.csv';

/** The shipped default data set, as paths under shared/data/cms with what the files do not say themselves. */
export const DEFAULT_SOURCES: readonly { path: string; hints?: FileHints }[] = [
  { path: 'mpfs/2025/PPRRVU2025_Oct.csv' },
  { path: 'mpfs/2025/GPCI2025.csv' },
  { path: 'mpfs/2025/25LOCCO.csv' },
  { path: 'mpfs/2025/ANES2025.csv', hints: { year: 2025 } },
  { path: 'mpfs/2025/OPPSCAP_Oct.csv', hints: { year: 2025 } },
  { path: 'mpfs/2025/zip/ZIP5_OCT2025.txt' },
  { path: 'mpfs/2026/GPCI2026.csv' },
  {
    path: PPRRVU_2026_EXCERPT,
    hints: {
      partial: true,
      notes: [noteSubset('CY2026 PPRRVU (July, RVU26C) excerpt with only 76000, 76145, 77001, 77002, 77003, 77011, 77012, 77021')],
    },
  },
  { path: 'ncci/2024q3/ptp_practitioner.csv.gz', hints: { quarter: '2024Q3' } },
  { path: 'ncci/2024q3/mue_practitioner.csv', hints: { quarter: '2024Q3' } },
  { path: 'ncci/2024q3/mue_outpatient_hospital.csv', hints: { quarter: '2024Q3' } },
  { path: 'ncci/2024q3/mue_dme.csv', hints: { quarter: '2024Q3' } },
  { path: 'ncci/2024q3/addon_codes.csv', hints: { quarter: '2024Q3' } },
  {
    path: 'ncci/2026q3-subset/ptp.csv',
    hints: {
      partial: true,
      notes: [noteSubset('NCCI practitioner PTP edits only among the 101 codes of ncci/2026q3-subset/codes.txt, without rationale text')],
    },
  },
  {
    path: 'ncci/2026q3-subset/mue.csv',
    hints: {
      partial: true,
      notes: [noteSubset('practitioner MUEs for the 101 codes of ncci/2026q3-subset/codes.txt, without rationale text')],
    },
  },
];

/** Imports the default sources from sharedCmsDir (all or nothing) and writes them to outDir. */
export function buildDefaultData(
  sharedCmsDir: string,
  outDir: string,
): Result<{ manifest: Manifest; imported: ImportResult }, ImportError> {
  const byPath = new Map(DEFAULT_SOURCES.map((s) => [join(sharedCmsDir, s.path), s.hints ?? {}]));
  const imported = importFiles([...byPath.keys()], { hints: (file) => byPath.get(file) ?? {} });
  if (!imported.ok) return imported;
  if (imported.value.tables.length === 0) return err({ code: 'READ_FAILED', file: sharedCmsDir, reason: 'no tables imported' });
  const manifest = writeDataSet(outDir, imported.value.tables, 'CMS files of shared/data/cms (see its README.md)');
  return ok({ manifest, imported: imported.value });
}
