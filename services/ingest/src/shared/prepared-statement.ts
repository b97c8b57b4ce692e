import type { QueryConfig } from 'pg';

/** A statement with its values, as node-pg's query takes it. */
export type PreparedQuery = (values: unknown[]) => QueryConfig<unknown[]>;

const defined = new Map<string, string>();

/**
 * A statement Postgres parses once per connection: a named prepared statement of the extended protocol (node-pg sends
 * the text the first time a connection runs it, then the name and values only). For the ledger's hot set-based
 * statements. The ledger's pool plans each run for its values (plan_cache_mode force_custom_plan, prisma/ledger): a
 * generic plan kept from a table still small read it whole once it had grown. Measured on the development Postgres 15,
 * 30,000 claims and inbox rows analyzed, 12 rows a run, 3,000 runs, the backend's own CPU a run, unnamed -> named:
 * FIND_SUBMISSIONS 290-313 -> 210-230 us, APPLY_DECISIONS 333-357 -> 237-270, FIND_STATES 203-227 -> 183-200,
 * FIND_SEEN 130-150 -> 120-130, INSERT_INBOX 300 -> 260-313 (its commit included; since then one statement with the
 * update, APPLY_BATCH). (A kept generic plan would have saved more, 60-180 us a run in all, as long as it still fitted
 * the table.) A name is given to one text only: a second definition throws at load.
 */
export function prepared(name: string, text: string): PreparedQuery {
  const known = defined.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement ${name} is defined twice`);
  defined.set(name, text);
  return (values) => ({ name, text, values });
}
