// One login role per service, granted only the schema of the data it owns (least privilege). Run after every deploy
// (scripts/prisma-migrate.mjs roles, setup, test databases): it re-grants on every table that exists, and default
// privileges cover tables the same migrating role creates later. CommonJS: see migration-files.js.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { connectForMigrations } = require('./migration-connection');

/** The data owners, one Postgres schema each (prisma/<owner>/schema, moved there by 20261202090000_schemas). */
const OWNER_SCHEMAS = ['ledger', 'feedback', 'refdata', 'keys'];

// API keys: the services that check credentials read them and stamp last_used_at, nothing else.
const KEY_CHECK = { schema: 'keys', table: 'api_key', privileges: 'SELECT, UPDATE (last_used_at)' };

/** Who may do what. `writes`: read/write every table of the schema; `reads`: SELECT only; `tables`: single grants. */
const SERVICE_ROLES = [
  { service: 'ingest', role: 'claimflow_ingest', writes: ['ledger'], reads: [], tables: [KEY_CHECK] },
  { service: 'feedback', role: 'claimflow_feedback', writes: ['feedback'], reads: [], tables: [KEY_CHECK] },
  // The validator and pricing read the reference-data store of record (REFDATA_DATABASE_URL) as this role.
  { service: 'refdata', role: 'claimflow_refdata', writes: [], reads: ['refdata'], tables: [] },
  // The CLI (claimflow refdata import --db, key management) and operators.
  { service: 'admin', role: 'claimflow_admin', writes: OWNER_SCHEMAS, reads: [], tables: [], admin: true },
];

const WRITE = 'SELECT, INSERT, UPDATE, DELETE';
const ADMIN = 'claimflow_admin';

// Default privileges are per creating role: cover tables created by the role running this (the database owner, as in
// setup and the tests) and by claimflow_admin (migrations run as the administrator).
const CURRENT = Symbol('the role running this');
const CREATORS = [CURRENT, ADMIN];

function statementsFor(spec, ident, database, existing) {
  const role = ident(spec.role);
  const sql = [`GRANT CONNECT${spec.admin ? ', CREATE' : ''} ON DATABASE ${ident(database)} TO ${role}`];
  const schemaGrants = (schema, tables, sequences) => {
    const s = ident(schema);
    sql.push(
      `GRANT USAGE ON SCHEMA ${s} TO ${role}`,
      `GRANT ${tables} ON ALL TABLES IN SCHEMA ${s} TO ${role}`,
      `GRANT ${sequences} ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`,
    );
    for (const creator of CREATORS.map((c) => (c === CURRENT ? '' : ` FOR ROLE ${ident(c)}`))) {
      sql.push(
        `ALTER DEFAULT PRIVILEGES${creator} IN SCHEMA ${s} GRANT ${tables} ON TABLES TO ${role}`,
        `ALTER DEFAULT PRIVILEGES${creator} IN SCHEMA ${s} GRANT ${sequences} ON SEQUENCES TO ${role}`,
      );
    }
  };
  for (const schema of spec.writes.filter(existing)) schemaGrants(schema, spec.admin ? 'ALL' : WRITE, 'USAGE, SELECT, UPDATE');
  for (const schema of spec.reads.filter(existing)) schemaGrants(schema, 'SELECT', 'SELECT');
  return sql;
}

// The administrator owns the data owners' schemas, their tables and the migration history, so that later migrations
// can run as claimflow_admin rather than as a superuser.
async function ownershipStatements(client, ident, existing) {
  const schemas = OWNER_SCHEMAS.filter(existing);
  const { rows } = await client.query(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND (n.nspname = ANY($1) OR (n.nspname = 'public' AND c.relname = '_prisma_migrations'))
      ORDER BY 1, 2`,
    [schemas],
  );
  return [
    `GRANT CREATE ON SCHEMA public TO ${ident(ADMIN)}`,
    ...schemas.map((schema) => `ALTER SCHEMA ${ident(schema)} OWNER TO ${ident(ADMIN)}`),
    ...rows.map((t) => `ALTER TABLE ${ident(t.schema)}.${ident(t.name)} OWNER TO ${ident(ADMIN)}`),
  ];
}

// Roles are cluster-wide: parallel test databases may create the same one at once, so "already there" is success.
const createRole = (ident, literal, role, password) => `DO $$ BEGIN
  CREATE ROLE ${ident(role)} LOGIN${password ? ` PASSWORD ${literal(password)}` : ''};
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`;

async function tableExists(client, schema, table) {
  const { rows } = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [`${schema}.${table}`]);
  return rows[0].present;
}

// GRANT on shared catalogs (pg_database, pg_authid) can collide with a parallel session; such a collision is retried.
async function withRetry(work, attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable = error.code === 'XX000' && /concurrently/.test(error.message ?? '');
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/**
 * Creates the service roles that are missing, hands the data owners' schemas and tables to claimflow_admin and grants
 * each role its schemas on the database of `databaseUrl` (connected as the database owner or a superuser). `passwords` (role -> password) sets passwords where a server needs them; without one a new role
 * has none (trust authentication).
 */
async function applyDatabaseRoles({ databaseUrl, passwords = {}, log = () => undefined }) {
  const connected = await connectForMigrations(databaseUrl);
  if (!connected.ok) return connected;
  const client = connected.value;
  const ident = (name) => client.escapeIdentifier(name);
  const literal = (value) => client.escapeLiteral(value);
  try {
    const database = (await client.query('SELECT current_database() AS name')).rows[0].name;
    // Before 20261202090000_schemas (or on a database without migrations) there is nothing to grant yet.
    const schemas = (await client.query('SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)', [OWNER_SCHEMAS])).rows;
    const existing = (schema) => schemas.some((row) => row.nspname === schema);
    // Unqualified names in hand-written SQL (repositories, reports, tests, psql) keep resolving for every role, and a
    // role only sees the schemas it has USAGE on, so this widens nothing. Applies to new sessions.
    const searchPath = ['"$user"', 'public', ...OWNER_SCHEMAS.map(ident)].join(', ');
    await withRetry(() => client.query(`ALTER DATABASE ${ident(database)} SET search_path = ${searchPath}`));
    for (const spec of SERVICE_ROLES) {
      const password = passwords[spec.role];
      await withRetry(() => client.query(createRole(ident, literal, spec.role, password)));
      if (password) await withRetry(() => client.query(`ALTER ROLE ${ident(spec.role)} PASSWORD ${literal(password)}`));
    }
    for (const statement of await ownershipStatements(client, ident, existing)) await client.query(statement);
    for (const spec of SERVICE_ROLES) {
      for (const statement of statementsFor(spec, ident, database, existing)) await withRetry(() => client.query(statement));
      for (const t of spec.tables) {
        if (!(await tableExists(client, t.schema, t.table))) continue;
        await client.query(`GRANT USAGE ON SCHEMA ${ident(t.schema)} TO ${ident(spec.role)}`);
        await client.query(`GRANT ${t.privileges} ON ${ident(t.schema)}.${ident(t.table)} TO ${ident(spec.role)}`);
      }
      log(`role ${spec.role}: ${[...spec.writes.map((s) => `${s} rw`), ...spec.reads.map((s) => `${s} r`)].join(', ')}`);
    }
    return { ok: true, value: { roles: SERVICE_ROLES.map((s) => s.role) } };
  } catch (cause) {
    return { ok: false, error: { code: 'ROLES_FAILED', message: `granting the service roles failed: ${cause.message}` } };
  } finally {
    await client.end();
  }
}

/** The URL of `baseUrl`'s server and database, connecting as `role` (with `password`, if any). */
function roleUrl(baseUrl, role, password) {
  const url = new URL(baseUrl);
  url.username = role;
  url.password = password ?? '';
  return url.toString();
}

module.exports = { OWNER_SCHEMAS, SERVICE_ROLES, applyDatabaseRoles, roleUrl };
