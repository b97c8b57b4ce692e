// What `prisma migrate status` reports, read straight from `_prisma_migrations`. CommonJS: see migration-files.js.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { listMigrations } = require('./migration-files');
const { connectForMigrations } = require('./migration-connection');
const { readMigrationRows, compareHistory } = require('./migration-history');

async function migrationStatus({ databaseUrl, migrationsDir }) {
  const files = listMigrations(migrationsDir);
  if (!files.ok) return files;
  const connected = await connectForMigrations(databaseUrl);
  if (!connected.ok) return connected;
  try {
    const { hasTable, rows } = await readMigrationRows(connected.value);
    return { ok: true, value: { hasTable, ...compareHistory(files.value, rows) } };
  } finally {
    await connected.value.end();
  }
}

module.exports = { migrationStatus };
