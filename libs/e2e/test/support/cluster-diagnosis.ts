import { Client } from 'pg';
import { claimTrail, type ClaimTrail } from './cluster-trail';
import type { ServiceProcess } from './service-process';

const FINAL = ['priced', 'rejected', 'replaced', 'voided'];

/**
 * What a failed run needs to be explained, without claim content: the owner's ledger by status, the reasons of the
 * rejected claims as codes (the dead letter's code, with the broker's error type when its message names one, e.g.
 * HANDLER_FAILED OUT_OF_ORDER_SEQUENCE_NUMBER), each service's warnings and errors with ids masked, and for claims
 * stuck short of a result, their trail through the topics and the consumer groups' lag.
 */
export interface ClusterDiagnosis {
  readonly statuses: Record<string, number>;
  readonly rejectedReasons: Record<string, number>;
  /** Per service: the last interesting log lines, and such lines counted by message. */
  readonly logs: Record<string, { tail: string[]; counts: Record<string, number> }>;
  /** For claims in the ledger but not final: their messages per topic and the consumer groups' lag. */
  readonly stuckTrail?: ClaimTrail;
}

const LOG_LINES = 12;
const INTERESTING = /error|warn|retry|retrying|holding|dead|leader|sequence|producer|crash|rebalanc|could not|outbox|"level":[45]0/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Broker error types and our codes are upper snake case; nothing else of a rejection's message is kept. */
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** A log line (pino's or kafkajs's JSON, or text) as "time where: message", ids masked, shortened. */
function readable(line: string): string {
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    const time = typeof o.time === 'number' ? new Date(o.time).toISOString() : String(o.timestamp ?? '');
    const where = String(o.context ?? o.logger ?? '');
    const extra = o.broker ? ` (${String(o.broker)})` : '';
    return `${time.slice(11, 23)} ${where}: ${String(o.msg ?? o.message ?? '')}${extra}`;
  } catch {
    return line;
  }
}

/**
 * The log lines worth reading (warnings, errors, retries), ids masked, at most 200 characters: ClaimFlow's logs
 * carry no claim content by rule, and ids are masked so that the output names no claim.
 */
export function filterLog(log: string): { tail: string[]; counts: Record<string, number> } {
  const lines = log
    .split('\n')
    .filter((line) => INTERESTING.test(line))
    .map((line) => readable(line).replace(UUID, '<id>').slice(0, 200));
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const message = line.slice(line.indexOf(' ') + 1, line.indexOf(' ') + 1 + 90);
    counts[message] = (counts[message] ?? 0) + 1;
  }
  return { tail: lines.slice(-LOG_LINES), counts };
}

export async function diagnose(
  url: string,
  owner: string,
  services: readonly ServiceProcess[],
  cluster: { brokers: string[]; topics: string[] },
): Promise<ClusterDiagnosis> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const statuses: Record<string, number> = {};
    const rejectedReasons: Record<string, number> = {};
    const stuck: string[] = [];
    let control: string | undefined;
    const { rows } = await client.query<{ id: string; status: string; errors: { code?: string; message?: string }[] | null }>(
      'SELECT id, status, errors FROM claim_ledger WHERE submitter_id = $1',
      [owner],
    );
    for (const row of rows) {
      statuses[row.status] = (statuses[row.status] ?? 0) + 1;
      if (!FINAL.includes(row.status)) stuck.push(row.id);
      else if (row.status === 'priced') control ??= row.id;
      if (row.status !== 'rejected') continue;
      const first = row.errors?.[0];
      const types = [...new Set(first?.message?.match(CODE) ?? [])].join(' ');
      const reason = `${first?.code ?? 'NO_CODE'}${types ? ` ${types}` : ''}`;
      rejectedReasons[reason] = (rejectedReasons[reason] ?? 0) + 1;
    }
    const logs = Object.fromEntries(services.map((s) => [s.name, filterLog(s.log)]));
    const stuckTrail =
      stuck.length > 0 ? await claimTrail(cluster.brokers, cluster.topics, stuck, control).catch(() => undefined) : undefined;
    return { statuses, rejectedReasons, logs, ...(stuckTrail ? { stuckTrail } : {}) };
  } finally {
    await client.end();
  }
}
