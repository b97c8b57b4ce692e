import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DenialReportSchema, monthKey, reportCells, type DenialReport } from '@claimflow/domain';
import { generate, HOT, OTHER_CODES, rand } from './report-generator';

const arr = (xs: readonly string[]) => `{${xs.join(',')}}`;
const esc = (s: string | null | undefined) =>
  s === null || s === undefined || s === '' ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

function reportRow(r: DenialReport): string {
  const payer = r.payer;
  const appeal = r.appeal;
  return (
    [
      randomUUID(),
      '\\N',
      'bench',
      r.deniedCode,
      r.placeOfService,
      payer.type,
      payer.type === 'medicare-part-b' ? payer.macJurisdiction : '\\N',
      r.state,
      String(monthKey(r.denialMonth)),
      esc(JSON.stringify(r.billedCodes)),
      arr(r.denialReasons.carc),
      arr(r.denialReasons.rarc),
      esc(r.whatHappened),
      appeal.filed ? 't' : 'f',
      appeal.filed ? String(appeal.level) : '\\N',
      appeal.filed ? appeal.outcome : '\\N',
      esc(r.whatWorked),
      arr(r.claimflowEdits),
      // Bulk-loaded reports come from 5,000 reporters (stand-ins for the keyed hashes the service stores).
      `bench-reporter-${Math.floor(rand() * 5000)}`,
    ].join('\t') + '\n'
  );
}

/**
 * Bulk-loads `count` generated reports (40% on the hot code) with the counter rows the service would have written, and
 * marks every code for the first publication.
 */
export async function load(url: string, count: number): Promise<{ ms: number; cells: number }> {
  const started = Date.now();
  const [reports, cells] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all([reports.connect(), cells.connect()]);
  const hotShare = 0.4;
  const perCode = new Map<string, number>([[HOT, Math.round(count * hotShare)]]);
  OTHER_CODES.forEach((c, i) =>
    perCode.set(c, Math.round((count * (1 - hotShare) * (OTHER_CODES.length - i)) / ((OTHER_CODES.length * (OTHER_CODES.length + 1)) / 2))),
  );
  let cellRows = 0;
  // One code at a time, so only that code's counters are held in memory.
  const reportLines = async function* () {
    for (const [code, n] of perCode) {
      const counters = new Map<string, number>();
      let batch = '';
      for (let i = 0; i < n; i++) {
        const r = DenialReportSchema.parse(generate(code));
        batch += reportRow(r);
        const month = monthKey(r.denialMonth);
        // The same counter rows the service's insert writes: every state ("*") and the state, every month (0) and the month.
        for (const scope of ['*', r.state])
          for (const m of [0, month])
            for (const c of reportCells(r)) {
              const key = `${scope}\t${m}\t${r.payer.type}\t${c.dimension}\t${c.value}`;
              counters.set(key, (counters.get(key) ?? 0) + 1);
            }
        if (batch.length > 1 << 20) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
      const lines = [...counters].map(([k, v]) => `${code}\t${k}\t${v}\n`);
      cellRows += lines.length;
      await pipeline(
        Readable.from([lines.join('')]),
        cells.query(copyFrom(`COPY denial_pattern_cell (denied_code, scope, month, payer_type, dimension, value, count) FROM STDIN`)),
      );
    }
  };
  const columns =
    'id, idempotency_key_hash, content_hash, denied_code, place_of_service, payer_type, mac_jurisdiction, state, denial_month, billed_codes, carc_codes, rarc_codes, what_happened, appeal_filed, appeal_level, appeal_outcome, what_worked, claimflow_edits, reporter_hash';
  await pipeline(Readable.from(reportLines()), reports.query(copyFrom(`COPY denial_report (${columns}) FROM STDIN`)));
  // Every loaded code waits for the first publication, as reports submitted through the service do.
  await reports.query(`INSERT INTO denial_pattern_dirty (denied_code, version) SELECT DISTINCT denied_code, 1 FROM denial_report`);
  await reports.query('ANALYZE denial_report; ANALYZE denial_pattern_cell');
  await Promise.all([reports.end(), cells.end()]);
  return { ms: Date.now() - started, cells: cellRows };
}
