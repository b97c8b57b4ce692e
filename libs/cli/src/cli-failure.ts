/**
 * Exit codes of `claimflow check` (and the code any command uses for input it cannot read):
 * 0 every line of every claim fully checked and clean; 1 at least one line denied; 2 something could not be
 * checked (an input error, a claim that could not be read, or an edit family with no release in force).
 */
export const EXIT = { clean: 0, denied: 1, notChecked: 2 } as const;

/** An error a person can act on: a stable code and one sentence, never a stack. */
export interface CliFailure {
  readonly code: string;
  readonly message: string;
}

const ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory, not a file',
};

/** A failure to read a file named on the command line. */
export function fileFailure(name: string, error: unknown): CliFailure {
  const errno = (error as NodeJS.ErrnoException)?.code;
  const why = (errno && ERRNO[errno]) ?? (error instanceof Error ? error.message : String(error));
  return { code: errno === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', message: `Cannot read ${name}: ${why}.` };
}

/** JSON.parse with the position of a typo as a line and column. */
export function parseJson(name: string, text: string): { ok: true; value: unknown } | { ok: false; error: CliFailure } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(detail);
    let where = '';
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      where = ` at line ${line}, column ${Number(at[1]) - before.lastIndexOf('\n')}`;
    }
    return {
      ok: false,
      error: { code: 'JSON_INVALID', message: `${name} is not valid JSON${where}: ${detail.split(' in JSON at position')[0]}.` },
    };
  }
}

/** Anything unexpected, as a code and a sentence (the stack is never printed). */
export function internalFailure(error: unknown): CliFailure {
  return { code: 'INTERNAL_ERROR', message: `claimflow failed: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * Says a failure the one way every command does: with --json one JSON document on stdout
 * (`{outcome: 'error', exitCode, errors: [{code, message}]}`), else `<command>: CODE: sentence` on stderr.
 * Returns the exit code to end with.
 */
export function reportFailure(
  io: { out(text: string): void; err(text: string): void },
  command: string,
  json: boolean,
  failure: CliFailure,
  exitCode: number,
): number {
  if (json) io.out(JSON.stringify({ outcome: 'error', exitCode, errors: [failure] }));
  else io.err(`${command}: ${failure.code}: ${failure.message}`);
  return exitCode;
}
