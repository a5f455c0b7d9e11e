/** What every CLI command shares: output streams, the user-error type, JSON printing. */
import type { Command } from 'commander';
import { ClosedformError } from '../expr/errors.js';

/** Where a command writes: stdout, stderr, and whether stderr is a terminal. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal: progress bars only then */
  isTTY: boolean;
}

/** A user error: printed as one line on stderr, exit code 2. */
export class UsageError extends ClosedformError {
  override readonly name = 'UsageError';
}

/**
 * Not a failure of the program: the command's answer is "no" (a numeric check failed) and its
 * report is already written. `run` returns this exit code (1) and prints nothing more.
 */
export class ExitStatus extends Error {
  override readonly name = 'ExitStatus';
  constructor(readonly code: number, message = `exit status ${code}`) {
    super(message);
  }
}

/** Pretty JSON with a final newline, as every `--json` output. */
export const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;

/** A command module adds its subcommand to the program. */
export type Register = (program: Command, io: Io) => void;
