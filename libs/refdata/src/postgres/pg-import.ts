import { AddonCodeTable, CodeMueTable, CompactPtpTable, err, ok, snapshotOf, type Result } from '@claimflow/domain';
import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { gzipSync } from 'node:zlib';
import type { ImportedTable } from '../import/import-types';
import { copyField, copyRows } from './copy-rows';

export interface PgReleaseOutcome {
  readonly dataset: string;
  readonly releaseId: string;
  readonly action: 'imported' | 'unchanged';
  readonly rows: number;
  readonly ms: number;
}

export interface PgImportError {
  readonly code: 'DB_IMPORT_FAILED';
  readonly reason: string;
}

function* ptpRows(pk: string, t: CompactPtpTable): Generator<string> {
  const c = t.columns;
  for (let a = 0; a < c.codes.length; a++)
    for (let k = c.start[a]; k < c.start[a + 1]; k++)
      yield `${pk}\t${c.codes[a]}\t${c.codes[c.column2[k]]}\t${k}\t${c.effective[k] || '\\N'}\t${c.deletion[k] || '\\N'}\t${c.modifier[k]}\t${c.rationale[k]}`;
}

function* mueRows(pk: string, t: CodeMueTable): Generator<string> {
  for (const m of t.rows) yield [pk, m.code, m.value, m.mai, copyField(m.rationale)].join('\t');
}

function* addonRows(pk: string, t: AddonCodeTable): Generator<string> {
  let seq = 0;
  for (const r of t.rows) yield [pk, seq++, r.addon, copyField(r.primary ?? null), r.type].join('\t');
}

const rowCount = (t: ImportedTable['table']): number =>
  'rows' in t && Array.isArray(t.rows) ? t.rows.length : 'size' in t ? Number(t.size) : 0;

/**
 * Stores tables as releases in one transaction: identical content (same hash, already active) is
 * left alone; new content becomes the active row and the previous one is marked superseded. Any
 * failure rolls everything back, so the previous releases stay active.
 */
export async function importIntoPostgres(
  client: ClientBase,
  tables: readonly ImportedTable[],
): Promise<Result<PgReleaseOutcome[], PgImportError>> {
  const outcomes: PgReleaseOutcome[] = [];
  await client.query('BEGIN');
  try {
    for (const { dataset, table } of tables) {
      const started = performance.now();
      const packed = snapshotOf(dataset, table);
      const hash = createHash('sha256').update(packed).digest('hex');
      const r = table.release;
      const active = await client.query<{ content_hash: string }>(
        `SELECT content_hash FROM refdata_release WHERE dataset = $1 AND release_id = $2 AND status = 'active' FOR UPDATE`,
        [dataset, r.id],
      );
      if (active.rows[0]?.content_hash === hash) {
        outcomes.push({ dataset, releaseId: r.id, action: 'unchanged', rows: rowCount(table), ms: performance.now() - started });
        continue;
      }
      await client.query(`UPDATE refdata_release SET status = 'superseded' WHERE dataset = $1 AND release_id = $2 AND status = 'active'`, [
        dataset,
        r.id,
      ]);
      const inserted = await client.query<{ pk: string }>(
        `INSERT INTO refdata_release (dataset, release_id, valid_from, valid_to, partial, notes, content_hash, status, rows, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9) RETURNING pk`,
        [dataset, r.id, r.validFrom, r.validTo, r.partial, r.notes, hash, rowCount(table), gzipSync(packed)],
      );
      const pk = inserted.rows[0].pk;
      if (table instanceof CompactPtpTable) {
        await copyRows(
          client,
          'refdata_ptp_rationale (release_pk, id, text)',
          table.columns.rationales.map((text, id) => `${pk}\t${id}\t${copyField(text)}`),
        );
        await copyRows(
          client,
          'refdata_ptp (release_pk, column1, column2, seq, effective, deletion, modifier, rationale)',
          ptpRows(pk, table),
        );
      } else if (table instanceof CodeMueTable)
        await copyRows(client, 'refdata_mue (release_pk, code, value, mai, rationale)', mueRows(pk, table));
      else if (table instanceof AddonCodeTable)
        await copyRows(client, 'refdata_addon (release_pk, seq, addon, primary_code, type)', addonRows(pk, table));
      outcomes.push({ dataset, releaseId: r.id, action: 'imported', rows: rowCount(table), ms: performance.now() - started });
    }
    await client.query('COMMIT');
    return ok(outcomes);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    return err({ code: 'DB_IMPORT_FAILED', reason: (e as Error).message });
  }
}
