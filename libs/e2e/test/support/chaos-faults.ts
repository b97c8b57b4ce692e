import type { OwnBroker, PrivatePostgres } from '@claimflow/testing';
import { listenerPid } from './local-process';
import type { ServiceProcess } from './service-process';

export interface FaultContext {
  readonly broker: OwnBroker;
  readonly brokerPort: number;
  readonly pg: PrivatePostgres;
  readonly services: readonly [ServiceProcess, ServiceProcess, ServiceProcess];
  /** How long the broker stays frozen (SIGSTOP) and Postgres stays dead. */
  readonly freezeMs: number;
  readonly postgresDownMs: number;
  readonly figures: FaultFigures;
}

export interface FaultFigures {
  /** Seconds to stop and start the broker again. */
  readonly brokerRestarts: number[];
  /** Seconds from SIGTERM to exit of a service stopped while the broker was frozen. */
  readonly sigtermDuringFreeze: number[];
}

export interface Fault {
  /** Where in the traffic it starts, as a fraction of the claims sent. */
  readonly at: number;
  readonly name: string;
  run(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the chaos run does to the stack while claims flow, one fault after another: crashes (-9) of ingest and the
 * validator, a broker restart, Postgres killed (-9 of the postmaster) and brought back, the broker frozen (SIGSTOP, a
 * network partition) with pricing told to stop (SIGTERM) meanwhile and started after SIGCONT, and every service killed.
 */
export function chaosFaults(ctx: FaultContext): Fault[] {
  const [ingest, validator, pricing] = ctx.services;
  return [
    { at: 0.1, name: 'kill -9 ingest', run: () => ingest.restart() },
    { at: 0.25, name: 'kill -9 validator', run: () => validator.restart() },
    {
      at: 0.4,
      name: 'broker restart',
      run: async () => {
        const t0 = Date.now();
        await ctx.broker.stop();
        await ctx.broker.start();
        ctx.figures.brokerRestarts.push((Date.now() - t0) / 1000);
      },
    },
    {
      at: 0.55,
      name: 'kill -9 Postgres',
      run: async () => {
        await ctx.pg.kill9();
        await pause(ctx.postgresDownMs);
        await ctx.pg.start();
      },
    },
    {
      at: 0.7,
      name: 'broker frozen (SIGSTOP)',
      run: async () => {
        const pid = await listenerPid(ctx.brokerPort);
        process.kill(pid, 'SIGSTOP');
        try {
          await pause(Math.min(3000, ctx.freezeMs / 2));
          ctx.figures.sigtermDuringFreeze.push(await pricing.stop('SIGTERM'));
          await pause(Math.max(0, ctx.freezeMs - 3000));
        } finally {
          process.kill(pid, 'SIGCONT');
        }
        pricing.restarts.push(await pricing.start());
      },
    },
    { at: 0.85, name: 'kill -9 every service', run: () => Promise.all(ctx.services.map((s) => s.restart())).then(() => undefined) },
  ];
}
