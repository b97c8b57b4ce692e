import { err, ok, type Result } from '@claimflow/domain';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { downloadTo } from './download-bundle';
import { bundleUrl, type Quarter, type SourcesConfig } from './sources-config';
import { verifyBundle, type VerifiedBundle } from './verify-bundle';

export interface FetchedBundle extends VerifiedBundle {
  readonly name: string;
  readonly url?: string;
}

export interface FetchOutcome {
  readonly bundles: readonly FetchedBundle[];
  /** Optional bundles the source does not have for the quarter. */
  readonly missing: readonly string[];
}

export interface UpdateError {
  readonly code: 'DOWNLOAD_FAILED' | 'VERIFY_FAILED' | 'NOTHING_TO_IMPORT';
  readonly bundle: string;
  readonly reason: string;
}

/** Downloads every bundle of a quarter into `into` and verifies each; the first failure stops (nothing is imported). */
export async function downloadQuarter(config: SourcesConfig, quarter: Quarter, into: string): Promise<Result<FetchOutcome, UpdateError>> {
  mkdirSync(into, { recursive: true });
  const bundles: FetchedBundle[] = [];
  const missing: string[] = [];
  for (const source of config.bundles) {
    const url = bundleUrl(source.url, quarter);
    const path = join(into, `${source.name}.zip`);
    const d = await downloadTo(url, path);
    if (!d.ok) return err({ code: 'DOWNLOAD_FAILED', bundle: source.name, reason: d.error });
    if (d.value.status === 'missing') {
      if (!source.optional) return err({ code: 'DOWNLOAD_FAILED', bundle: source.name, reason: `${url} answered HTTP 404` });
      missing.push(source.name);
      continue;
    }
    const v = await verifyBundle(path, { bytes: source.bytes, sha256: source.sha256 });
    if (!v.ok) return err({ code: 'VERIFY_FAILED', bundle: source.name, reason: v.error });
    bundles.push({ ...v.value, name: source.name, url });
  }
  if (bundles.length === 0)
    return err({ code: 'NOTHING_TO_IMPORT', bundle: '', reason: 'no bundle of the quarter was found at the sources' });
  return ok({ bundles, missing });
}

/** Air-gapped: the ZIP bundles someone downloaded elsewhere, verified the same way. */
export async function bundlesFromDir(dir: string): Promise<Result<FetchOutcome, UpdateError>> {
  const zips = readdirSync(dir)
    .filter((f) => /\.zip$/i.test(f))
    .sort();
  const bundles: FetchedBundle[] = [];
  for (const f of zips) {
    const v = await verifyBundle(join(dir, f));
    if (!v.ok) return err({ code: 'VERIFY_FAILED', bundle: f, reason: v.error });
    bundles.push({ ...v.value, name: basename(f, '.zip') });
  }
  if (bundles.length === 0) return err({ code: 'NOTHING_TO_IMPORT', bundle: '', reason: `no .zip bundle in ${dir}` });
  return ok({ bundles, missing: [] });
}
