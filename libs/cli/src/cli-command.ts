export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

/** One `claimflow <name>` subcommand; `run` returns the process exit code. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

type Handler = (args: readonly string[], io: CliIo) => Promise<number>;

/** A command made of subcommands (`claimflow keys create ...`): dispatches on the first word, else prints the usage (exit 2). */
export function withSubcommands(meta: Omit<CliCommand, 'run'>, handlers: Readonly<Record<string, Handler>>): CliCommand {
  return {
    ...meta,
    async run(args, io) {
      const [sub, ...rest] = args;
      const handler = sub !== undefined && Object.hasOwn(handlers, sub) ? handlers[sub] : undefined;
      if (handler) return handler(rest, io);
      io.err(meta.usage);
      return 2;
    },
  };
}
