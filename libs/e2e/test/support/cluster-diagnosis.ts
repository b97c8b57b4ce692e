import { Client } from 'pg';
import type { ServiceProcess } from './service-process';

/**
 * What a failed run needs to be explained, without claim content: the owner's ledger by status, the reasons of the
 * rejected claims as codes (the dead letter's code, with the broker's error type when its message names one, e.g.
 * HANDLER_FAILED OUT_OF_ORDER_SEQUENCE_NUMBER), and each service's last warnings and errors with ids masked.
 */
export interface ClusterDiagnosis {
  readonly statuses: Record<string, number>;
  readonly rejectedReasons: Record<string, number>;
  readonly logTails: Record<string, string[]>;
}

const LOG_LINES = 15;
const INTERESTING = /error|warn|kafkajs|retry|retrying|holding|dead|leader|sequence|producer/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Broker error types and our codes are upper snake case; nothing else of a message is kept. */
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** The log lines worth reading, shortened, with claim and message ids masked and quoted text dropped. */
export function filterLog(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => INTERESTING.test(line))
    .map((line) =>
      line
        .replace(UUID, '<id>')
        .replace(/"(?:[^"\\]|\\.){40,}"/g, '"…"')
        .slice(0, 240),
    )
    .slice(-LOG_LINES);
}

export async function diagnose(url: string, owner: string, services: readonly ServiceProcess[]): Promise<ClusterDiagnosis> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const statuses: Record<string, number> = {};
    const rejectedReasons: Record<string, number> = {};
    const { rows } = await client.query<{ status: string; errors: { code?: string; message?: string }[] | null }>(
      'SELECT status, errors FROM claim_ledger WHERE submitter_id = $1',
      [owner],
    );
    for (const row of rows) {
      statuses[row.status] = (statuses[row.status] ?? 0) + 1;
      if (row.status !== 'rejected') continue;
      const first = row.errors?.[0];
      const types = [...new Set(first?.message?.match(CODE) ?? [])].join(' ');
      const reason = `${first?.code ?? 'NO_CODE'}${types ? ` ${types}` : ''}`;
      rejectedReasons[reason] = (rejectedReasons[reason] ?? 0) + 1;
    }
    return { statuses, rejectedReasons, logTails: Object.fromEntries(services.map((s) => [s.name, filterLog(s.log)])) };
  } finally {
    await client.end();
  }
}
