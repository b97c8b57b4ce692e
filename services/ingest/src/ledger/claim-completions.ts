import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

const POLL_MS = 250;

/**
 * Wakes HTTP requests waiting (`?wait=`) for a claim to reach a final status: at once when this
 * process saw it, and by polling the ledger when another instance of ingest did.
 */
@Injectable()
export class ClaimCompletions {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  completed(claimId: string): void {
    this.emitter.emit(claimId);
  }

  waitFor(claimId: string, timeoutMs: number, isDone: () => Promise<boolean>): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.emitter.off(claimId, finish);
        resolve();
      };
      const check = () => isDone().then((done) => done && finish(), finish);
      const timer = setTimeout(finish, timeoutMs);
      const poll = setInterval(check, POLL_MS);
      this.emitter.on(claimId, finish);
      // The claim may have finished before we subscribed.
      void check();
    });
  }
}
