// Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven through
// @prisma/adapter-pg. Used for `diff`/`create` (needs Prisma's SQL generation) and for `--engine wasm`.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

// The package's entry imports the .wasm as an ES module, which Node 20 cannot do without a flag;
// instantiate it by hand and hand the exports to the wasm-bindgen glue instead.
async function loadBindings() {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = await import(gluePath);
  const bytes = readFileSync(gluePath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

/** All *.prisma files under the schema folder, as Prisma's multi-file schema loader sees them. */
export function readSchemaFiles(schemaDir) {
  const files = readdirSync(schemaDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.prisma'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  return files.map((file) => ({ path: file, content: readFileSync(file, 'utf8') }));
}

/** The MigrationList shape the Prisma CLI builds (directory names as paths, sorted with localeCompare). */
export function readMigrationsList(migrationsDir) {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const lockfile = { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null };
  const names = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];
  const migrationDirectories = names
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      const content = existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: `${file} not found` };
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    });
  return { baseDir: migrationsDir, lockfile, migrationDirectories, shadowDbInitScript: '' };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// adapter-pg 7.10 rejects PostgreSQL's internal one-byte "char" type (pg_class.relkind, pg_constraint.contype, ...)
// as UnsupportedNativeDataType, which breaks the engine's schema description (diff from migrations fails with
// "Column type 'char' could not be deserialized"). pg already returns those values as strings; report them as text.
function withCharAsText(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  if (typeof queryable.startTransaction === 'function') {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCharAsText(await startTransaction(...args));
  }
  return queryable;
}

// adapter-pg builds the shadow database pool as { ...config, database: shadow }; with a connectionString the URL's
// database wins and the "shadow" migrations land in the real database. Explicit fields make the override work.
function poolConfig(databaseUrl) {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
  };
}

async function adminQuery(databaseUrl, sql) {
  const { Client } = require('pg');
  const client = new Client(poolConfig(databaseUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// adapter-pg's own shadow database drops the database before closing its pool, so the DROP fails ("being accessed
// by other users") and the database is left behind. Close the pool first, then drop.
async function connectToShadowDb(databaseUrl) {
  const { Pool } = require('pg');
  const { PrismaPg } = require('@prisma/adapter-pg');
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  await adminQuery(databaseUrl, `CREATE DATABASE "${database}"`);
  const pool = new Pool({ ...poolConfig(databaseUrl), database });
  const adapter = await new PrismaPg(pool).connect();
  adapter.dispose = async () => {
    await pool.end();
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
  return adapter;
}

function charSafePgFactory(databaseUrl) {
  const { PrismaPg } = require('@prisma/adapter-pg');
  const inner = new PrismaPg(poolConfig(databaseUrl));
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withCharAsText(await inner.connect()),
    connectToShadowDb: async () => withCharAsText(await connectToShadowDb(databaseUrl)),
  };
}

export async function openSchemaEngine({ databaseUrl, schemaFiles }) {
  const glue = await loadBindings();
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  const adapter = bindMigrationAwareSqlAdapterFactory(charSafePgFactory(databaseUrl));
  const debug = process.env.PRISMA_ENGINE_DEBUG ? (line) => console.error(line) : () => undefined;
  const datamodels = schemaFiles.map((file) => [file.path, file.content]);
  return glue.SchemaEngine.new({ datamodels }, debug, adapter);
}
