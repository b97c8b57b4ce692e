// Offline stand-in for `prisma migrate` (the native schema engine cannot be downloaded here).
//   node scripts/prisma-migrate.mjs deploy [--engine pg|wasm]   apply pending migrations, record _prisma_migrations
//   node scripts/prisma-migrate.mjs status [--engine pg|wasm]   exit 1 unless every migration is applied
//   node scripts/prisma-migrate.mjs diff                        SQL from prisma/migrations to prisma/schema
//   node scripts/prisma-migrate.mjs create <name>               write that SQL as a new migration folder
// Options: --migrations <dir> (prisma/migrations), --schema <dir> (prisma/schema). Env: DATABASE_URL.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { deployMigrations, migrationStatus } = require(path.join(repo, 'libs/testing/src/migrations/index.js'));

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'pg' },
    migrations: { type: 'string', default: path.join(repo, 'prisma/migrations') },
    schema: { type: 'string', default: path.join(repo, 'prisma/schema') },
  },
});
const [command, name] = positionals;
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/claimflow';
const migrationsDir = path.resolve(opts.migrations);
const redacted = databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const say = (line) => console.error(`[prisma-migrate] ${line}`);

function failWith(error) {
  say(`ERROR ${error.code}: ${error.message}`);
  process.exit(1);
}

async function wasmEngine() {
  const { openSchemaEngine, readSchemaFiles, readMigrationsList, NO_FILTERS } = await import('./prisma-wasm-engine.mjs');
  const engine = await openSchemaEngine({ databaseUrl, schemaFiles: readSchemaFiles(path.resolve(opts.schema)) });
  return { engine, list: readMigrationsList(migrationsDir), filters: NO_FILTERS };
}

async function deploy() {
  const t0 = Date.now();
  if (opts.engine === 'wasm') {
    const { engine, list, filters } = await wasmEngine();
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: list, filters });
    say(`applied ${appliedMigrationNames.length} migration(s) with the Prisma wasm engine: ${appliedMigrationNames.join(', ') || 'none'}`);
    return;
  }
  const result = await deployMigrations({ databaseUrl, migrationsDir, log: say });
  if (!result.ok) failWith(result.error);
  const { applied, alreadyApplied } = result.value;
  say(`${redacted}: ${applied.length} applied, ${alreadyApplied.length} already applied (${Date.now() - t0} ms)`);
}

async function status() {
  if (opts.engine === 'wasm') {
    const { engine, list, filters } = await wasmEngine();
    const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters });
    console.log(JSON.stringify(diagnosis, null, 2));
    const clean = !diagnosis.history && diagnosis.failedMigrationNames.length + diagnosis.editedMigrationNames.length === 0;
    process.exitCode = clean ? 0 : 1;
    return;
  }
  const result = await migrationStatus({ databaseUrl, migrationsDir });
  if (!result.ok) failWith(result.error);
  const s = result.value;
  for (const key of ['applied', 'pending', 'modified', 'failed', 'missingFromDisk']) {
    console.log(`${key.padEnd(16)} ${s[key].length ? s[key].join(', ') : '-'}`);
  }
  process.exitCode = s.pending.length + s.modified.length + s.failed.length === 0 ? 0 : 1;
}

async function diffSql() {
  const { engine, list, filters } = await wasmEngine();
  const { readSchemaFiles } = await import('./prisma-wasm-engine.mjs');
  // Replaying the migrations needs a shadow database: the pg adapter creates and drops a temporary one on the same server.
  const result = await engine.diff({
    from: { tag: 'migrations', ...list },
    to: { tag: 'schemaDatamodel', files: readSchemaFiles(path.resolve(opts.schema)) },
    script: true,
    exitCode: null,
    filters,
  });
  return result.stdout ?? '';
}

function isEmptyDiff(sql) {
  return sql.trim() === '' || sql.includes('This is an empty migration.');
}

async function create() {
  if (!name || !/^[a-z0-9_]+$/.test(name)) failWith({ code: 'USAGE', message: 'create needs a snake_case name' });
  const sql = await diffSql();
  if (isEmptyDiff(sql)) return say('schema and migrations already agree; nothing to create');
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  say(`wrote ${path.join(dir.startsWith(repo) ? path.relative(repo, dir) : dir, 'migration.sql')}`);
}

const commands = {
  deploy,
  status,
  diff: async () => process.stdout.write(await diffSql()),
  create,
};

if (!commands[command]) {
  console.error(
    'usage: node scripts/prisma-migrate.mjs deploy|status|diff|create <name> [--engine pg|wasm] [--migrations dir] [--schema dir]',
  );
  process.exit(2);
}
commands[command]()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error) => {
    say(`ERROR ${error.stack ?? error}`);
    process.exit(1);
  });
