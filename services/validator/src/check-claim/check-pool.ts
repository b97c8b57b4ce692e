import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckTask, WorkerReply, WorkerSettings } from './check-task';

export interface CheckPoolOptions extends WorkerSettings {
  /** Worker threads (CHECK_WORKERS). */
  readonly size: number;
  /** Checks waiting for a worker beyond those running (CHECK_QUEUE); more are refused with 503. */
  readonly queue: number;
  /** A check running longer ends its worker (CHECK_TIMEOUT_MS); another is started. */
  readonly timeoutMs: number;
}

/** The pool is full: the caller answers 503 with Retry-After. */
export class CheckPoolBusy extends Error {
  override readonly name = 'CheckPoolBusy';
}
/** The check ran past its deadline or its worker died: answered 503, never a 5xx that blames the input. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}

export interface CheckAnswer {
  readonly status: number;
  readonly json: string;
}

interface Job {
  readonly id: number;
  readonly task: CheckTask;
  resolve(answer: CheckAnswer): void;
  reject(error: Error): void;
}
interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/** From the built service, the compiled worker; from source (tests, benchmarks), the same file through the TypeScript hook. */
function workerEntry(): { file: string; eval: boolean } {
  const js = join(__dirname, 'check.worker.js');
  if (existsSync(js)) return { file: js, eval: false };
  const hook = join(__dirname, '../../../../scripts/ts-require.js');
  const ts = join(__dirname, 'check.worker.ts');
  return { file: `require(${JSON.stringify(hook)}); require(${JSON.stringify(ts)});`, eval: true };
}

/**
 * A bounded pool of worker threads for the keyless check and /v1/validate: a fixed number of
 * workers, a short queue, and a refusal (CheckPoolBusy) beyond it, so public checks can never hold
 * the service's event loop, which is also its Kafka consumer's.
 */
export class CheckPool implements OnApplicationShutdown {
  private readonly logger = new Logger(CheckPool.name);
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: CheckPoolOptions) {}

  /**
   * Workers start with the first check, not with the service: a deployment (or a test) that never
   * gets one never pays for their reference data; the first check waits for it to load (queued).
   */
  run(task: CheckTask): Promise<CheckAnswer> {
    if (this.closed) return Promise.reject(new CheckFailed('the service is stopping'));
    while (this.slots.length < this.options.size) this.slots.push(this.spawn());
    if (this.waiting.length >= this.options.queue && !this.slots.some((s) => s.ready && !s.job))
      return Promise.reject(new CheckPoolBusy('every check worker is busy and the queue is full'));
    return new Promise<CheckAnswer>((resolve, reject) => {
      this.waiting.push({ id: ++this.nextId, task, resolve, reject });
      this.dispatch();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new CheckFailed('the service is stopping'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const entry = workerEntry();
    const worker = new Worker(entry.file, { eval: entry.eval, workerData: { refdata: this.options.refdata } satisfies WorkerSettings });
    const slot: Slot = { worker, ready: false };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error) => this.logger.warn(`check worker failed: ${error.name}`));
    worker.on('exit', () => this.replace(slot));
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if ('ready' in reply) slot.ready = true;
    else if (slot.job?.id === reply.id) {
      const job = this.finish(slot);
      if (reply.ok) job.resolve({ status: reply.status, json: reply.json });
      else job.reject(new CheckFailed(`the check failed (${reply.error})`));
    }
    this.dispatch();
  }

  private finish(slot: Slot): Job {
    const job = slot.job!;
    clearTimeout(slot.timer);
    slot.job = undefined;
    return job;
  }

  /** A worker that exited (deadline, crash) fails its job and is replaced, unless the pool is closing. */
  private replace(slot: Slot): void {
    if (slot.job) this.finish(slot).reject(new CheckFailed('the check did not finish in time'));
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    this.slots[i] = this.spawn();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.waiting.length === 0) continue;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => void slot.worker.terminate(), this.options.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }
}
