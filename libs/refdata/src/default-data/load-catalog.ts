import { RefDataCatalog, tableFromSnapshot, type Dataset } from '@claimflow/domain';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MANIFEST_FILE, MANIFEST_FORMAT, type Manifest, type ManifestEntry } from './manifest';

export interface LoadOptions {
  /** Load only the entries this accepts (e.g. one NCCI quarter and one fee-schedule year). */
  readonly filter?: (entry: ManifestEntry) => boolean;
}

export function readManifest(dir: string): Manifest {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${dir}: unsupported reference-data format ${String(manifest.format)}`);
  return manifest;
}

/** Loads a data set written by writeDataSet into a fresh catalog. */
export async function loadCatalog(dir: string, options: LoadOptions = {}): Promise<RefDataCatalog> {
  const manifest = readManifest(dir);
  const entries = manifest.tables.filter(options.filter ?? (() => true));
  const catalog = new RefDataCatalog();
  const loaded = await Promise.all(entries.map(async (e) => tableFromSnapshot(gunzipSync(await readFile(join(dir, e.file))))));
  for (const { dataset, table } of loaded) catalog.add(dataset as Dataset, table as never);
  return catalog;
}

/**
 * <repo>/data/refdata, found by walking up from this file: it works from libs/refdata/src
 * (jest) and from dist/libs/refdata/src (after tsc). Services pass REFDATA_DIR from their config instead.
 */
export function defaultDataDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'data', 'refdata');
    if (existsSync(join(candidate, MANIFEST_FILE))) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`no data/refdata/${MANIFEST_FILE} above ${__dirname}; pass the data directory (REFDATA_DIR, --dir)`);
  }
}

const cache = new Map<string, Promise<RefDataCatalog>>();

/** The shipped default catalog, loaded once per process and directory. */
export function loadDefaultCatalog(dir: string = defaultDataDir()): Promise<RefDataCatalog> {
  const key = resolve(dir);
  let hit = cache.get(key);
  if (!hit) {
    hit = loadCatalog(key);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

/** Changes whenever the data set does: the manifest names every table with its content hash. */
export function dataSetVersion(dir: string = defaultDataDir()): string {
  return createHash('sha256')
    .update(readFileSync(join(dir, MANIFEST_FILE)))
    .digest('hex');
}
