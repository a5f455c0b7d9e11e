/** What every CLI command shares: output streams, standard input, the user-error type, JSON printing. */
import type { Command } from 'commander';
import { ClosedformError } from '../node/index.js';

/** Where a command writes, and reads standard input from. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal: progress bars only then */
  isTTY: boolean;
  /** All of standard input (main.ts reads file descriptor 0); absent: `-` is refused. */
  stdin?: () => string;
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

/** What each run's standard input was read for: it can be read once. */
const stdinReadFor = new WeakMap<Io, string>();

/**
 * Standard input, for the argument or option `what` given as `-`. It can stand for one thing
 * per run: a second `-` is a usage error naming the first.
 */
export function fromStdin(io: Io, what: string): string {
  const first = stdinReadFor.get(io);
  if (first !== undefined) throw new UsageError(`standard input is already read for ${first}, so ${what} cannot read it too`);
  if (io.stdin === undefined) throw new UsageError(`${what} is '-' but there is no standard input to read`);
  stdinReadFor.set(io, what);
  return io.stdin();
}

/** Pretty JSON with a final newline, as every `--json` output. */
export const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;

/** A command module adds its subcommand to the program. */
export type Register = (program: Command, io: Io) => void;

/**
 * Words inside LaTeX output (`--latex`): `\text{…}` with the characters that are special in
 * LaTeX text mode escaped, so that every `--latex` line typesets as math.
 */
export const latexText = (s: string): string =>
  `\\text{${s.replace(/[\\{}$&#^_%~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\textasciicircum{}' : c === '~' ? '\\textasciitilde{}' : `\\${c}`))}}`;
