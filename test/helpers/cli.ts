import { run } from '../../src/cli/run.js';

/** The CLI run in-process, as a test sees it: exit code, stdout and stderr (stderr not a terminal, no standard input). */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return cliWithStdin(undefined, ...argv);
}

/** The CLI run in-process with `input` as its standard input (undefined: none). */
export async function cliWithStdin(input: string | undefined, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, ...(input !== undefined ? { stdin: () => input } : {}) });
  return { code, out, err };
}
