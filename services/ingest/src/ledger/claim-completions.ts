import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** Wakes HTTP requests waiting (`?wait=`) for a claim this process saw reach a final status. */
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
        this.emitter.off(claimId, finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.emitter.on(claimId, finish);
      // The claim may have finished before we subscribed.
      isDone().then((done) => done && finish(), finish);
    });
  }
}
