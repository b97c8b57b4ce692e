import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The process listening on a local TCP port (e.g. the broker scripts/kafka.sh started: a java process). */
export async function listenerPid(port: number): Promise<number> {
  const { stdout } = await run('ss', ['-Htlnp', `sport = :${port}`]);
  const pid = /pid=(\d+)/.exec(stdout)?.[1];
  if (!pid) throw new Error(`nothing listens on ${port}`);
  return Number(pid);
}
