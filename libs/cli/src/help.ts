import type { CliCommand, CliIo } from './cli-command';

export function printHelp(io: CliIo, commands: readonly CliCommand[]): void {
  const width = Math.max(...commands.map((c) => c.name.length));
  io.out('claimflow: Medicare claim scrubber and pricer, in-process on the shipped CMS data (no broker; only `keys` uses the database).');
  io.out('');
  io.out('Usage: npx claimflow <command> [options]   (npx claimflow <command> --help for its options)');
  io.out('');
  io.out('Commands:');
  for (const c of commands) io.out(`  ${c.name.padEnd(width)}  ${c.summary}`);
  io.out('');
  io.out('Exit codes (check): 0 every line fully checked and clean; 1 a line denied; 2 something could not be checked');
  io.out('  (input error, unreadable claim, or reference data not in force: run the `claimflow refdata update` shown).');
  io.out('Errors are a code and a sentence; with --json, one JSON document on stdout, errors included.');
}
