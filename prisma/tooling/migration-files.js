// CommonJS on purpose: loaded unchanged by node scripts (scripts/prisma-migrate.mjs, the Docker migrate service)
// and by Jest, neither of which can load TypeScript or, in Jest's case, ES modules.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Prisma stores sha256 hex of the migration.sql content (read as UTF-8) as the checksum. */
function migrationChecksum(sql) {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/**
 * Reads <dir>/<name>/migration.sql in the order Prisma applies them (directory names, localeCompare).
 * A missing migrations folder is an empty history, as in Prisma.
 */
function listMigrations(migrationsDir) {
  if (!fs.existsSync(migrationsDir)) return { ok: true, value: [] };
  const names = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrations = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!fs.existsSync(file)) {
      return { ok: false, error: { code: 'MIGRATION_FILE_MISSING', migration: name, message: `${file} does not exist` } };
    }
    const sql = fs.readFileSync(file, 'utf8');
    migrations.push({ name, sql, checksum: migrationChecksum(sql) });
  }
  return { ok: true, value: migrations };
}

module.exports = { listMigrations, migrationChecksum };
