import { isObservable, lastValueFrom } from 'rxjs';

/**
 * Waits for what an event handler returned, failing as it failed. Nest runs an event handler's failure through the
 * exception filter into an observable that nobody reads, so the message counted as handled and its offset was
 * committed: a handler that threw (a dead letter the cluster did not take, a service stopping mid-message) lost its
 * message, and the claim stayed short of a result (a stuck claim in a cluster kill run).
 */
export async function settleEvent(pattern: string, result: unknown): Promise<void> {
  if (!isObservable(result)) return;
  await lastValueFrom(result, { defaultValue: undefined }).catch((error: unknown) => {
    throw error instanceof Error ? error : new Error(`the handler of ${pattern} failed: ${JSON.stringify(error)?.slice(0, 200)}`);
  });
}
