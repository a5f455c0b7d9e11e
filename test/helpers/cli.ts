import { run } from '../../src/cli/run.js';

/** What a test sees of one CLI run: exit code, stdout and stderr. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The CLI run in-process, as a test sees it: exit code, stdout and stderr (stderr not a terminal, no standard input). */
export async function cli(...argv: string[]): Promise<CliResult> {
  return cliWith({}, ...argv);
}

/** The CLI run in-process with `input` as its standard input (undefined: none). */
export async function cliWithStdin(input: string | undefined, ...argv: string[]): Promise<CliResult> {
  return cliWith(input !== undefined ? { stdin: input } : {}, ...argv);
}

/**
 * The CLI run in-process, the one way every test runs it: `stdin` its standard input (default
 * none), `isTTY` whether stderr is a terminal (default not: no progress bar).
 */
export async function cliWith(opts: { readonly stdin?: string; readonly isTTY?: boolean }, ...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const { stdin } = opts;
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: opts.isTTY ?? false, ...(stdin !== undefined ? { stdin: () => stdin } : {}) });
  return { code, out, err };
}
