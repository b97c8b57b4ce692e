// Offline stand-in for `prisma migrate` (the native schema engine cannot be downloaded here).
//   node scripts/prisma-migrate.mjs deploy [--engine pg|wasm]   apply pending migrations, record _prisma_migrations
//   node scripts/prisma-migrate.mjs status [--engine pg|wasm]   exit 1 unless every migration is applied
//   node scripts/prisma-migrate.mjs diff                        SQL from prisma/migrations to every prisma/<owner>/schema
//   node scripts/prisma-migrate.mjs create <name>               write that SQL as a new migration folder
//   node scripts/prisma-migrate.mjs roles                       create the service roles, grant each its schema
// Options: --migrations <dir> (prisma/migrations), --schema <dir> (every prisma/<owner>/schema). Env: DATABASE_URL
// (the migrating role: the database owner); CLAIMFLOW_<INGEST|FEEDBACK|REFDATA|ADMIN>_DB_PASSWORD for `roles`.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { applyDatabaseRoles, deployMigrations, migrationStatus, SERVICE_ROLES } = require(path.join(repo, 'prisma/tooling/index.js'));

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'pg' },
    migrations: { type: 'string', default: path.join(repo, 'prisma/migrations') },
    schema: { type: 'string' },
  },
});
const [command, name] = positionals;
// The local default is read only when DATABASE_URL is unset (the image sets it and ships no libs/).
const databaseUrl = process.env.DATABASE_URL ?? require(path.join(repo, 'libs/contracts/src/local/local-defaults.json')).databaseUrl;
const migrationsDir = path.resolve(opts.migrations);
const redacted = databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const say = (line) => console.error(`[prisma-migrate] ${line}`);

function failWith(error) {
  say(`ERROR ${error.code}: ${error.message}`);
  process.exit(1);
}

// Every data owner's models under one datasource naming all their Postgres schemas: the whole database as one
// Prisma schema, which is what the one migration history describes.
async function schemaFiles() {
  const { readSchemaFiles } = await import('./prisma-wasm-engine.mjs');
  if (opts.schema) return readSchemaFiles(path.resolve(opts.schema));
  const owners = readdirSync(path.join(repo, 'prisma'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(repo, 'prisma', e.name, 'schema')))
    .map((e) => e.name)
    .sort();
  const models = owners
    .flatMap((owner) => readSchemaFiles(path.join(repo, 'prisma', owner, 'schema')))
    .filter((f) => !f.path.endsWith('client.prisma'));
  const datasource = `datasource db {\n  provider = "postgresql"\n  schemas  = [${owners.map((o) => `"${o}"`).join(', ')}]\n}\n`;
  return [{ path: path.join(repo, 'prisma/database.prisma'), content: datasource }, ...models];
}

async function wasmEngine() {
  const { openSchemaEngine, readMigrationsList, NO_FILTERS } = await import('./prisma-wasm-engine.mjs');
  const engine = await openSchemaEngine({ databaseUrl, schemaFiles: await schemaFiles() });
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
  // Replaying the migrations needs a shadow database: the pg adapter creates and drops a temporary one on the same server.
  const result = await engine.diff({
    from: { tag: 'migrations', ...list },
    to: { tag: 'schemaDatamodel', files: await schemaFiles() },
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

async function roles() {
  const passwords = Object.fromEntries(
    SERVICE_ROLES.map((r) => [r.role, process.env[`CLAIMFLOW_${r.service.toUpperCase()}_DB_PASSWORD`]]).filter(([, p]) => p),
  );
  const result = await applyDatabaseRoles({ databaseUrl, passwords, log: say });
  if (!result.ok) failWith(result.error);
  say(`${redacted}: ${result.value.roles.length} service roles granted`);
}

const commands = {
  deploy,
  roles,
  status,
  diff: async () => process.stdout.write(await diffSql()),
  create,
};

if (!commands[command]) {
  console.error(
    'usage: node scripts/prisma-migrate.mjs deploy|status|roles|diff|create <name> [--engine pg|wasm] [--migrations dir] [--schema dir]',
  );
  process.exit(2);
}
commands[command]()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error) => {
    say(`ERROR ${error.stack ?? error}`);
    process.exit(1);
  });
