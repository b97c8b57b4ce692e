import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors as values, so commands print usage instead of a stack. */
export function readArgs<O extends Options>(args: readonly string[], options: O) {
  try {
    return { ok: true as const, ...parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) };
  } catch (error) {
    return { ok: false as const, message: (error as Error).message };
  }
}
