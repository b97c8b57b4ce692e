import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface ReadinessAnswers {
  /** Every answer's seconds, as the prober measured them. */
  readonly seconds: number[];
  /** Answers by status (0: none within 10 s). */
  readonly statuses: Record<string, number>;
}

/**
 * A readiness probe in a process of its own (readiness-probe-process.mjs), asking every `intervalMs` until stopped. Timed
 * in the test process, an answer also counted that process's own lag: in admission.int-spec it drives 1,000 clients,
 * and CI measured 3.13 s for answers ingest gave promptly (all 200).
 */
export class ReadinessProber {
  private readonly child: ChildProcess;
  private readonly answers: Promise<ReadinessAnswers>;

  constructor(url: string, intervalMs = 250) {
    this.child = fork(join(__dirname, 'readiness-probe-process.mjs'), [url, String(intervalMs)], { stdio: 'inherit' });
    this.answers = Promise.race([
      once(this.child, 'message').then(([answers]) => answers as ReadinessAnswers),
      once(this.child, 'exit').then(([code]) => Promise.reject(new Error(`the readiness prober exited (${code}) without its answers`))),
    ]);
    this.answers.catch(() => undefined);
  }

  /** Stops probing and returns every answer (the probe in flight is waited for, at most its 10 s). */
  async stop(): Promise<ReadinessAnswers> {
    this.child.send('stop');
    return this.answers;
  }
}
