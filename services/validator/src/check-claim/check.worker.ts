import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { validateClaim } from '@claimflow/domain';
import { RefDataHolder } from '@claimflow/refdata';
import { runCheck } from './check-claim.run';
import type { CheckTask, TaskMessage, WorkerReply, WorkerSettings } from './check-task';

/**
 * One thread of the check pool: its own reference data (loaded, and reloaded, from the same source
 * as the service's), the check or validation, and the answer serialised here, so the service's event
 * loop (and its Kafka consumer) only passes messages.
 */
const settings = workerData as WorkerSettings;

/**
 * The check thread yields the CPU to the service's own thread (its Kafka consumer) when both want it:
 * nice 10 weighs 110 against nice 0's 1024 in Linux's scheduler, about a tenth of the share. Linux
 * gives each thread its own nice value (setpriority on 0 is this thread); elsewhere it would lower the
 * whole process, so it is left alone there.
 */
const CHECK_THREAD_NICE = 10;
if (process.platform === 'linux') setPriority(CHECK_THREAD_NICE);
const holder = new RefDataHolder(settings.refdata);
const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

async function answer(task: CheckTask): Promise<{ status: number; body: unknown }> {
  const catalog = holder.current;
  if (task.kind === 'validate')
    return {
      status: 200,
      body: validateClaim(task.claim as Parameters<typeof validateClaim>[0], catalog, { refdataFallback: settings.refdata.fallback }),
    };
  const outcome = await runCheck(task.format, task.payload, catalog, { refdataFallback: settings.refdata.fallback });
  return { status: outcome.claims.length === 0 ? 422 : 200, body: outcome };
}

port.on('message', ({ id, task }: TaskMessage) => {
  answer(task).then(
    ({ status, body }) => reply({ id, ok: true, status, json: JSON.stringify(body) }),
    (error: unknown) => reply({ id, ok: false, error: (error as Error)?.name ?? 'Error' }),
  );
});

holder.load().then(
  () => reply({ ready: true }),
  (error: unknown) => {
    // Without reference data the worker can answer nothing: the pool sees it exit and starts another.
    console.error(`check worker: reference data could not be loaded (${(error as Error)?.name ?? 'error'})`);
    process.exit(1);
  },
);
