import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  readonly port: number;
  /** As the cluster's superuser `postgres` (trust authentication, 127.0.0.1 only). */
  readonly url: string;
  /** The postmaster's process id while it runs. */
  pid(): number;
  /** pg_ctl stop: 'immediate' is a crash as far as clients see it (no goodbye), 'fast' an orderly shutdown. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** SIGKILL of the postmaster (its backends follow); start() recovers the cluster afterwards. */
  kill9(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
}

/** The newest PostgreSQL server binaries installed the Debian way (/usr/lib/postgresql/<major>/bin). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb'))) : [];
  if (majors.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return path.join(root, majors.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own port), for tests that stop or kill the
 * database: the shared server is never touched. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` OS user (su); otherwise as the current user.
 */
export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'claimflow-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const sh = (args: string[], timeout = 60_000) =>
    asRoot
      ? run('su', ['postgres', '-s', '/bin/sh', '-c', args.map(quote).join(' ')], { timeout })
      : run(args[0]!, args.slice(1), { timeout });
  await sh([path.join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  // fsync off: the data is thrown away with the test; the socket lives in the temp folder, TCP on 127.0.0.1 only.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) => sh([path.join(bin, 'pg_ctl'), '-D', data, ...args], 90_000).then(() => undefined);
  const start = () => pgCtl('-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start');
  const pid = () => Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  await start();
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    pid,
    start,
    stop: (mode = 'fast') => pgCtl('-m', mode, '-w', 'stop'),
    kill9: async () => {
      const postmaster = pid();
      process.kill(postmaster, 'SIGKILL');
      for (let i = 0; i < 200 && isAlive(postmaster); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    destroy: async () => {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
