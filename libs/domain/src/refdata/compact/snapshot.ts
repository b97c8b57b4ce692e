import type { TableByDataset } from '../catalog';
import type { Dataset, ReleaseInfo } from '../release';
import { AddonCodeTable } from './addon.table';
import { LocalityAnesthesiaTable } from './anes.table';
import { packArrays, unpackArrays } from './binary-pack';
import { RvuFeeScheduleTable } from './fee-schedule.table';
import { LocalityGpciTable } from './gpci.table';
import { LoccoTable } from './locco.table';
import { CodeMueTable } from './mue.table';
import { LocalityOppsCapTable } from './oppscap.table';
import type { PtpColumns } from './ptp.columns';
import { CompactPtpTable } from './ptp.table';
import { Zip5LocalityTable } from './zip.table';

export type AnyTable = TableByDataset[Dataset];

/** Rows as a key list plus value arrays: about a third of the JSON of plain objects. */
interface Rows {
  readonly keys: string[];
  readonly values: unknown[][];
}

function toRows(rows: readonly object[]): Rows {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { keys, values: rows.map((r) => keys.map((k) => (r as Record<string, unknown>)[k])) };
}

function fromRows<T>(rows: Rows): T[] {
  return rows.values.map((v) => {
    const o: Record<string, unknown> = {};
    rows.keys.forEach((k, i) => v[i] !== undefined && v[i] !== null && (o[k] = v[i]));
    return o as T;
  });
}

interface Meta {
  readonly dataset: Dataset;
  readonly release: ReleaseInfo;
  readonly rows?: Rows;
  readonly extra?: Record<string, unknown>;
  readonly codes?: readonly string[];
  readonly rationales?: readonly string[];
}

/** Serialises a loaded table to bytes (compress them outside: domain does no I/O). */
export function snapshotOf(dataset: Dataset, table: AnyTable): Uint8Array {
  const release = table.release;
  if (table instanceof CompactPtpTable) {
    const { codes, rationales, ...arrays } = table.columns;
    return packArrays({ dataset, release, codes, rationales } satisfies Meta, arrays);
  }
  const meta = (rows: readonly object[], extra?: Record<string, unknown>): Meta => ({ dataset, release, rows: toRows(rows), extra });
  if (table instanceof RvuFeeScheduleTable) return packArrays(meta(table.rows, { conversionFactor: table.conversionFactor }), {});
  if (table instanceof LocalityGpciTable) return packArrays(meta(table.rows, { footnotes: table.footnotes }), {});
  if (table instanceof LocalityAnesthesiaTable) return packArrays(meta(table.rows, { national: table.nationalConversionFactor }), {});
  if (
    table instanceof LoccoTable ||
    table instanceof LocalityOppsCapTable ||
    table instanceof Zip5LocalityTable ||
    table instanceof CodeMueTable ||
    table instanceof AddonCodeTable
  )
    return packArrays(meta(table.rows), {});
  throw new Error(`no snapshot format for a ${dataset} table`);
}

export function tableFromSnapshot(bytes: Uint8Array): { dataset: Dataset; table: AnyTable } {
  const { meta: raw, arrays } = unpackArrays(bytes);
  const meta = raw as Meta;
  const { dataset, release } = meta;
  const rows = <T>(): T[] => fromRows<T>(meta.rows!);
  const extra = meta.extra ?? {};
  switch (dataset) {
    case 'ncci-ptp-practitioner':
    case 'ncci-ptp-hospital':
      return {
        dataset,
        table: new CompactPtpTable(release, { ...(arrays as unknown as PtpColumns), codes: meta.codes!, rationales: meta.rationales! }),
      };
    case 'mpfs-rvu':
      return { dataset, table: new RvuFeeScheduleTable(release, extra.conversionFactor as number, rows()) };
    case 'mpfs-gpci':
      return { dataset, table: new LocalityGpciTable(release, rows(), extra.footnotes as string[]) };
    case 'mpfs-anes':
      return { dataset, table: new LocalityAnesthesiaTable(release, extra.national as number, rows()) };
    case 'mpfs-locco':
      return { dataset, table: new LoccoTable(release, rows()) };
    case 'mpfs-oppscap':
      return { dataset, table: new LocalityOppsCapTable(release, rows()) };
    case 'mpfs-zip5':
      return { dataset, table: new Zip5LocalityTable(release, rows()) };
    case 'ncci-mue-practitioner':
    case 'ncci-mue-hospital':
    case 'ncci-mue-dme':
      return { dataset, table: new CodeMueTable(release, rows()) };
    case 'ncci-addon':
      return { dataset, table: new AddonCodeTable(release, rows()) };
  }
}
