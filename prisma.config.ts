// Prisma 7 CLI configuration. Prisma 7 no longer reads .env files, so the URL comes from the environment
// with the local default that scripts/postgres.sh provisions. Each data owner has its own schema folder and client
// (prisma/<owner>/schema: scripts/prisma-generate.sh passes --schema); they share ONE ordered migration history, so
// `prisma migrate deploy` works from any of them.
import { defineConfig } from 'prisma/config';
import localDefaults from './libs/contracts/src/local/local-defaults.json';

export const DEFAULT_DATABASE_URL = localDefaults.databaseUrl;

export default defineConfig({
  schema: 'prisma/ledger/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL },
});
