// Opens a pg client the way Prisma interprets a PostgreSQL URL (including ?schema=). CommonJS: see migration-files.js.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { Client } = require('pg');

async function connectForMigrations(databaseUrl) {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const client = new Client({ connectionString: url.toString(), application_name: 'claimflow-migrate' });
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => undefined);
    const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    return { ok: false, error: { code: 'DATABASE_UNREACHABLE', message: `cannot connect to ${where}: ${cause.message}` } };
  }
  if (schema) {
    const quoted = client.escapeIdentifier(schema);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}; SET search_path TO ${quoted}`);
  }
  return { ok: true, value: client };
}

module.exports = { connectForMigrations };
