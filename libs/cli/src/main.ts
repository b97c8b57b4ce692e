import { commands } from './commands';
import { internalFailure } from './cli-failure';
import { printHelp } from './help';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const io = { out: (t: string) => process.stdout.write(t + '\n'), err: (t: string) => process.stderr.write(t + '\n'), cwd: process.cwd() };
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp(io, commands);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`claimflow: UNKNOWN_COMMAND: there is no command "${name}".`);
    printHelp(io, commands);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  return command.run(args, io);
}

// A reader that stops early (`| head`) closes the pipe: stop quietly with the exit code so far, no stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // A code and a sentence, never a stack; --json still gets one JSON document on stdout.
    const failure = internalFailure(error);
    if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ outcome: 'error', exitCode: 2, errors: [failure] }) + '\n');
    else process.stderr.write(`claimflow: ${failure.code}: ${failure.message}\n`);
    process.exitCode = 2;
  },
);
