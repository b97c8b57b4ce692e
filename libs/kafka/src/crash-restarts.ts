/**
 * Backoff between restarts of a consumer kafkajs gave up on. kafkajs restarts a consumer by itself only after a
 * retriable error; after one it counts as not retriable it leaves the consumer stopped for good, and the service
 * unready until someone restarts the process. Such errors are not all permanent: KafkaJSGroupCoordinatorNotFound
 * (every broker answered FindCoordinator with an error, e.g. a broker just started, still creating
 * __consumer_offsets on a loaded machine: seen in CI, the ingest unready for 180 s), or a group ACL granted later
 * (GROUP_AUTHORIZATION_FAILED). So the consumer is started again, each time after twice the pause before.
 */
export const FIRST_RESTART_MS = 1_000;
/**
 * The longest pause: an operator who fixes an ACL or a broker sees the service ready within half a minute, while a
 * fault that stays costs one attempt (and one warning) per 30 s.
 */
export const LONGEST_RESTART_MS = 30_000;

export class CrashRestarts {
  private pauseMs = FIRST_RESTART_MS;
  private timer?: NodeJS.Timeout;

  /**
   * Runs `restart` after the current pause (unless one is already waiting), then doubles the pause. A restart that
   * fails is scheduled again the same way; `stopped()` is asked first each time, so none runs after a close.
   */
  schedule(restart: () => Promise<void>, stopped: () => boolean, warn: (message: string) => void): void {
    if (this.timer || stopped()) return;
    const pause = this.pauseMs;
    this.pauseMs = Math.min(pause * 2, LONGEST_RESTART_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (stopped()) return;
      restart().catch((error: Error) => {
        warn(`consumer restart failed: ${error.message}`);
        this.schedule(restart, stopped, warn);
      });
    }, pause);
  }

  /** The consumer joined its group: the next crash starts from the shortest pause again. */
  joined(): void {
    this.pauseMs = FIRST_RESTART_MS;
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
