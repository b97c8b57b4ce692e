// `prisma migrate deploy` without the native schema engine: applies pending prisma/migrations/*/migration.sql
// in order and records them in `_prisma_migrations` the way Prisma does. CommonJS: see migration-files.js.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { randomUUID } = require('node:crypto');
const { listMigrations } = require('./migration-files');
const { connectForMigrations } = require('./migration-connection');
const { PRISMA_ADVISORY_LOCK_KEY, MIGRATIONS_TABLE_DDL, readMigrationRows, compareHistory } = require('./migration-history');

const fail = (code, message, migration) => ({ ok: false, error: { code, message, migration } });

// Same layout as the logs Prisma's engine writes for a failed migration.
const describeDatabaseError = (cause) =>
  `Database error code: ${cause.code ?? 'unknown'}\n\nDatabase error:\n${cause.message}${cause.position ? ` (at character ${cause.position})` : ''}`;

function refuseUnsafeHistory(history) {
  if (history.failed.length > 0) {
    const name = history.failed[0];
    return fail(
      'MIGRATION_FAILED_IN_DATABASE',
      `migration ${name} failed earlier and was never resolved; fix the database, then run \`prisma migrate resolve --rolled-back ${name}\` (or delete its _prisma_migrations row)`,
      name,
    );
  }
  if (history.modified.length > 0) {
    const name = history.modified[0];
    return fail(
      'MIGRATION_MODIFIED',
      `migration ${name} was changed after it was applied (checksum differs); restore the file and add a new migration instead`,
      name,
    );
  }
  return undefined;
}

// One transaction per migration: a failing script leaves no half-applied schema, so its row is recorded as
// rolled back (what `prisma migrate resolve --rolled-back` would write) and the next deploy retries it.
async function applyOne(client, migration) {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query('COMMIT');
    return { ok: true, value: migration.name };
  } catch (cause) {
    await client.query('ROLLBACK');
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), now(), 0)`,
      [id, migration.checksum, migration.name, describeDatabaseError(cause)],
    );
    return fail('MIGRATION_APPLY_FAILED', `migration ${migration.name} failed and was rolled back: ${cause.message}`, migration.name);
  }
}

async function deployMigrations({ databaseUrl, migrationsDir, log = () => undefined }) {
  const files = listMigrations(migrationsDir);
  if (!files.ok) return files;
  const connected = await connectForMigrations(databaseUrl);
  if (!connected.ok) return connected;
  const client = connected.value;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE_DDL);
    const history = compareHistory(files.value, (await readMigrationRows(client)).rows);
    const refusal = refuseUnsafeHistory(history);
    if (refusal) return refusal;
    const applied = [];
    for (const migration of files.value.filter((file) => history.pending.includes(file.name))) {
      const started = Date.now();
      const outcome = await applyOne(client, migration);
      if (!outcome.ok) return outcome;
      applied.push(migration.name);
      log(`applied ${migration.name} in ${Date.now() - started} ms`);
    }
    return { ok: true, value: { applied, alreadyApplied: history.applied } };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

module.exports = { deployMigrations };
