export interface WaitForOptions {
  /** What is being waited for; shown in the timeout error. */
  readonly description: string;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/** What waitFor resolves with: falsy results other than undefined are never returned. */
export type Ready<T> = Exclude<T, false | null | 0 | '' | 0n>;

type Outcome<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly reason: unknown };

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function attempt<T>(fn: () => T | Promise<T>, remainingMs: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  // A probe that hangs (e.g. a query on a dead connection) must not outlive the deadline.
  const expiry = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false, reason: new Error(`attempt still running at the deadline`) }), remainingMs);
  });
  const probe = (async (): Promise<Outcome<T>> => {
    try {
      const value = await fn();
      // undefined means an assertion-style probe finished without throwing; other falsy values mean "not yet".
      return value === undefined || value ? { done: true, value } : { done: false, reason: `returned ${String(value)}` };
    } catch (error) {
      return { done: false, reason: error };
    }
  })();
  try {
    return await Promise.race([probe, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

function describeReason(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/**
 * Polls `fn` until it returns a truthy value, or until an assertion-style probe (returning nothing)
 * stops throwing; resolves with that value. Falsy results and thrown errors are retried until the deadline,
 * then it throws with the description and the last failure. Note: a probe returning `undefined` counts as done,
 * so wait on `list.find(...) ?? false`, not `list.find(...)`.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, options: WaitForOptions): Promise<Ready<T>> {
  const { description, timeoutMs = 10_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const outcome = await attempt(fn, Math.max(deadline - Date.now(), 1));
    if (outcome.done) return outcome.value as Ready<T>;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const error = new Error(
        `Timed out after ${timeoutMs} ms (${attempts} attempts) waiting for ${description}; last failure: ${describeReason(outcome.reason)}`,
      );
      (error as Error & { cause?: unknown }).cause = outcome.reason;
      throw error;
    }
    await delay(Math.min(intervalMs, remaining));
  }
}
