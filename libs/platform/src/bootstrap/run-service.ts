import type { DynamicModule } from '@nestjs/common';
import type { z } from 'zod';
import { parseConfig, type BaseConfig } from '../config/base.config';
import { bootstrapService } from './bootstrap-service';

export interface RunServiceOptions<S extends z.ZodType<BaseConfig & { PORT: number }>> {
  readonly name: string;
  readonly schema: S;
  readonly module: (config: z.infer<S>) => DynamicModule;
  readonly groupId?: string;
  readonly bodyLimit?: (config: z.infer<S>) => string;
  readonly parseText?: boolean;
  readonly parseJson?: boolean;
}

/** The whole of a service's main.ts: parse config once from the environment, fail fast, start. */
export function runService<S extends z.ZodType<BaseConfig & { PORT: number }>>(options: RunServiceOptions<S>): void {
  const start = async () => {
    const config = parseConfig(options.schema, process.env);
    const app = await bootstrapService({
      name: options.name,
      module: options.module(config),
      config,
      groupId: options.groupId,
      bodyLimit: options.bodyLimit?.(config),
      parseText: options.parseText,
      parseJson: options.parseJson,
    });
    const url = await app.getUrl();
    process.stdout.write(JSON.stringify({ level: 30, service: options.name, msg: `${options.name} listening on ${url}` }) + '\n');
  };
  start().catch((error: unknown) => {
    process.stderr.write(`${options.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
