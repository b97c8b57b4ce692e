// Reads and interprets Prisma's `_prisma_migrations` table. CommonJS: see migration-files.js.
'use strict';

// Same key as Prisma's schema engine, so this tool and `prisma migrate deploy` never run at the same time.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Byte-for-byte the table Prisma's schema engine creates on PostgreSQL.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

async function readMigrationRows(client) {
  const exists = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return { hasTable: false, rows: [] };
  const result = await client.query(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return { hasTable: true, rows: result.rows };
}

/** Rows marked rolled back are ignored, exactly as `prisma migrate deploy` ignores them. */
function compareHistory(files, rows) {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const finished = new Map(live.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const failed = live.filter((row) => row.finished_at === null).map((row) => row.migration_name);
  const onDisk = new Set(files.map((file) => file.name));
  return {
    applied: files.filter((file) => finished.has(file.name)).map((file) => file.name),
    pending: files.filter((file) => !finished.has(file.name) && !failed.includes(file.name)).map((file) => file.name),
    modified: files
      .filter((file) => finished.has(file.name) && finished.get(file.name).checksum !== file.checksum)
      .map((file) => file.name),
    failed,
    missingFromDisk: [...finished.keys()].filter((name) => !onDisk.has(name)),
  };
}

module.exports = { PRISMA_ADVISORY_LOCK_KEY, MIGRATIONS_TABLE_DDL, readMigrationRows, compareHistory };
