import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportedTable } from '../import/import-types';
import { readManifest } from './load-catalog';
import { MANIFEST_FILE, type Manifest, type SourceFile } from './manifest';
import { writeDataSet } from './write-data-set';

/**
 * Adds imported releases to a data-set folder (created when missing): a release of the same
 * dataset and id is replaced, the others stay. The manifest is written last, so a failed write
 * leaves the previous data set in force.
 */
export function mergeIntoDataSet(
  dir: string,
  tables: readonly ImportedTable[],
  source: string,
  sourcesOf?: (t: ImportedTable) => readonly SourceFile[],
): Manifest {
  const previous = existsSync(join(dir, MANIFEST_FILE)) ? readManifest(dir) : null;
  return writeDataSet(dir, tables, previous?.source ?? source, { keep: previous?.tables ?? [], sourcesOf });
}
