import localDefaults from './local-defaults.json';

/**
 * The database of a local set-up (scripts/postgres.sh provisions it), used when DATABASE_URL is unset. Written once,
 * in local-defaults.json beside this file (this module has another name: Node's resolver, which the
 * benchmarks' runner uses, would take a `./local-defaults` import for the JSON), which the shell scripts, prisma.config.ts and prisma-migrate.mjs read too.
 */
export const DEFAULT_DATABASE_URL: string = localDefaults.databaseUrl;

/** DATABASE_URL from the environment, or the local default. */
export const databaseUrlOf = (env: Record<string, string | undefined> = process.env): string => env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
