import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@claimflow/testing';

const ROOT = join(__dirname, '../../../..');

/** One built service (dist/) as its own process, on a fixed port so clients find it again after a restart. */
export class ServiceProcess {
  private child?: ChildProcess;
  private output = '';
  readonly restarts: number[] = [];
  /** Seconds from each SIGTERM sent by stop() to the exit. */
  readonly sigtermToExit: number[] = [];
  /** Exits nobody asked for (neither stop() nor kill9()), with their code or signal. */
  readonly unexpectedExits: string[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last few KB of what it wrote (stdout and stderr). */
  get log(): string {
    return this.output;
  }

  /** Starts it and resolves with the seconds from spawn to a 200 on /health/ready. */
  async start(): Promise<number> {
    const started = Date.now();
    this.output = '';
    const child = spawn(process.execPath, [join(ROOT, 'dist/services', this.name, 'src/main.js')], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-8000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      if (!(child as { expectedExit?: boolean }).expectedExit) this.unexpectedExits.push(`${code ?? signal}`);
    });
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}: ${this.output.slice(-1500)}`);
        return (await fetch(`${this.url}/health/ready`).catch(() => undefined))?.status === 200;
      },
      { description: `${this.name} ready`, timeoutMs: 90_000, intervalMs: 100 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; its last lines: ${this.output.slice(-1500)}`);
    });
    return (Date.now() - started) / 1000;
  }

  kill9(): Promise<number> {
    return this.stop('SIGKILL');
  }

  /** Sends the signal and resolves with the seconds until the process exited. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(0);
    (child as { expectedExit?: boolean }).expectedExit = true;
    const sent = Date.now();
    return new Promise((resolve) => {
      child.once('exit', () => {
        const seconds = (Date.now() - sent) / 1000;
        if (signal === 'SIGTERM') this.sigtermToExit.push(seconds);
        resolve(seconds);
      });
      child.kill(signal);
    });
  }

  async restart(kill = true): Promise<void> {
    await (kill ? this.kill9() : this.stop());
    this.restarts.push(await this.start());
  }
}
