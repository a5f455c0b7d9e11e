/**
 * The CLI as a function of its arguments (testable without spawning a process). Commands only
 * parse input and call the library; user errors become one line on stderr and exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { ClosedformError, VERSION, escapeControls } from '../node/index.js';
import { COMMANDS } from './commands/index.js';
import { ExitStatus, type Io, fromStdin } from './io.js';

export type { Io } from './io.js';

/**
 * Run the CLI; resolves to the exit code (0, or 2 for a user error, printed as one line).
 *
 * @example
 * ```ts
 * let out = '';
 * await run(['diff', 'x^3', 'x'], { out: (s) => (out += s), err: () => {}, isTTY: false }); // 0
 * out; // '3*x^2\n'
 * ```
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('closedform')
    .description('Exact formulas, symbolic gradients and solvability of small neural networks.')
    .addHelpText('after', '\nAn argument or file given as - is read from standard input: echo "x^3" | closedform diff - x\n')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} });
  for (const register of COMMANDS) register(program, io);
  // A spec, expression or equations argument given as `-` is read from standard input
  // (`echo "x^3" | closedform diff - x`); options that name a file read it through readInput.
  program.hook('preAction', (_program, action) => {
    action.registeredArguments.forEach((a, i) => {
      if (action.processedArgs[i] === '-') action.processedArgs[i] = fromStdin(io, `<${a.name()}>`).trim();
    });
  });
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      io.err(`closedform: ${oneLine(e.message.replace(/^error: /, ''))}\n`);
      return 2;
    }
    if (e instanceof ExitStatus) return e.code;
    // Every typed library error (bad input, a refusal with its reason, a budget reached) is the
    // user's to act on: one line, exit code 2. Anything else is a bug and goes to main.ts.
    if (e instanceof ClosedformError) {
      io.err(`closedform: ${oneLine(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

/** Longest message line printed: a message quotes user text in excerpts, so only a bug makes one this long. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * One line for the terminal. Commander's messages can span lines ("unknown command 'dif'\n(Did
 * you mean diff?)"): join them. Whatever reaches here is then made safe to print: control
 * characters (an escape sequence in a file name or spec) are written as escapes, never sent raw.
 */
export const oneLine = (s: string): string => {
  const joined = escapeControls(
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' '),
  );
  return joined.length <= MAX_MESSAGE_LENGTH ? joined : `${joined.slice(0, MAX_MESSAGE_LENGTH)}… (message cut at ${MAX_MESSAGE_LENGTH} characters)`;
};
