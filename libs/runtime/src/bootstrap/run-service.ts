import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { z } from 'zod';
import { parseConfig, type BaseConfig } from '../config/base.config';
import { bootstrapService, type ConsumerConcurrency } from './bootstrap-service';
import { setHeapGrowth } from './heap-growth';
import type { HttpEdgePort } from './http-edge.port';
import type { LogStream } from './logger.module';

type ServiceSchema = z.ZodType<BaseConfig & { PORT: number }>;

/** What a harness may change of a service's module beyond its configuration: where it logs. */
export interface ServiceModuleOptions {
  readonly logStream?: LogStream;
}

/**
 * Everything needed to start a service, said once: its main.ts runs it, test harnesses and
 * benchmarks start it from the same description.
 */
export interface ServiceDescription<S extends ServiceSchema = ServiceSchema> {
  readonly name: string;
  readonly schema: S;
  readonly module: (config: z.infer<S>, options?: ServiceModuleOptions) => DynamicModule;
  /** Its HTTP edge: @claimflow/http-edge's httpEdge. */
  readonly edge: HttpEdgePort;
  /** Consumer group (without the topic suffix); omit for a service that consumes nothing. */
  readonly groupId?: string;
  /** Logical topics it consumes, for harnesses that prepare or inspect them. */
  readonly consumes?: readonly string[];
  /** How much it consumes side by side (default: 8 keys of a chunk, 3 partitions); see ConsumerConcurrency. */
  readonly concurrency?: ConsumerConcurrency;
  readonly bodyLimit?: (config: z.infer<S>) => string;
  /** Logical topics handled only once their messages are this old (ms); see TopicLayout.holdBack. */
  readonly holdBack?: (config: z.infer<S>) => Readonly<Record<string, number>>;
  readonly parseText?: boolean;
  readonly parseJson?: boolean;
}

/** @deprecated the same thing under its old name */
export type RunServiceOptions<S extends ServiceSchema> = ServiceDescription<S>;

export const describeService = <S extends ServiceSchema>(description: ServiceDescription<S>): ServiceDescription<S> => description;

/** What a harness may change when it starts a service beyond its configuration. */
export interface StartOptions extends ServiceModuleOptions {
  /** false: the HTTP side only, no Kafka consumer (a harness that drives the service over HTTP alone). */
  readonly consume?: boolean;
}

/** Parses the configuration from `env` (failing on any bad value) and starts the service. */
export function startService<S extends ServiceSchema>(
  description: ServiceDescription<S>,
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): Promise<NestExpressApplication> {
  return startConfiguredService(description, parseConfig(description.schema, env), options);
}

/** Starts the service with a configuration already parsed against its schema (harnesses that read it themselves). */
export function startConfiguredService<S extends ServiceSchema>(
  description: ServiceDescription<S>,
  config: z.infer<S>,
  options: StartOptions = {},
): Promise<NestExpressApplication> {
  return bootstrapService({
    name: description.name,
    module: description.module(config, { logStream: options.logStream }),
    edge: description.edge,
    config,
    groupId: options.consume === false ? undefined : description.groupId,
    concurrency: description.concurrency,
    bodyLimit: description.bodyLimit?.(config),
    holdBack: description.holdBack?.(config),
    parseText: description.parseText,
    parseJson: description.parseJson,
  });
}

/**
 * How long a stop may take before the process ends anyway. Orchestrators send SIGKILL 10 s after SIGTERM (compose's
 * and `docker stop`'s default); an orderly stop (consumers leave their group, producers flush, Prisma disconnects)
 * takes well under a second with a broker that answers, but waits on the broker when it does not (seen: over 15 s
 * with the broker frozen). 8 s leaves the rest of the 10 s for the exit itself.
 */
export const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * Ends the process SHUTDOWN_DEADLINE_MS after the first SIGTERM/SIGINT if Nest's orderly stop has not ended it by
 * then. Abandoning is safe: uncommitted messages are delivered again (handlers recognise them by message id), the
 * group drops the member after its session, and outbox rows not yet acknowledged by the broker stay to be sent.
 */
export function armShutdownDeadline(name: string, ms = SHUTDOWN_DEADLINE_MS): void {
  const arm = (signal: NodeJS.Signals) => {
    // Nothing else listening (Nest's shutdown hooks not installed yet: still starting): stop now, as without us.
    if (process.listenerCount(signal) === 0) process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
    const timer = setTimeout(() => {
      process.stderr.write(
        `${name} did not stop within ${ms} ms of ${signal} (a dependency is not answering); exiting without leaving the consumer group\n`,
      );
      process.exit(1);
    }, ms);
    timer.unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}

/** The whole of a service's main.ts: parse config once from the environment, fail fast, start. */
export function runService<S extends ServiceSchema>(description: ServiceDescription<S>): void {
  armShutdownDeadline(description.name);
  const start = async () => {
    const config = parseConfig(description.schema, process.env);
    // A process-wide setting, so set here for a service's own process only, never by a harness starting it in-process.
    setHeapGrowth(config.HEAP_GROWING_PERCENT);
    const app = await startConfiguredService(description, config);
    const url = await app.getUrl();
    process.stdout.write(JSON.stringify({ level: 30, service: description.name, msg: `${description.name} listening on ${url}` }) + '\n');
  };
  start().catch((error: unknown) => {
    process.stderr.write(`${description.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
