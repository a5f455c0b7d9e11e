import { run } from '../../src/cli/run.js';

/** The CLI run in-process, as a test sees it: exit code, stdout and stderr (stderr not a terminal). */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}
