import { commands } from './commands';
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
    io.err(`unknown command "${name}"`);
    printHelp(io, commands);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  return command.run(args, io);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`claimflow: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
