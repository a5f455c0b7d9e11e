/**
 * `-` is standard input: for a spec, an expression or equations argument, and for `--data` and
 * `--params`. Each answer must be the answer to the same input given directly (the oracle is the
 * CLI's own direct route); standard input stands for one thing per run, and a `-` with nothing to
 * read is a one-line usage error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, cliWithStdin } from '../helpers/cli.js';

const LINE = readFileSync('examples/line.csv', 'utf8');

describe('- reads standard input', () => {
  it.each([
    [['diff', '-', 'x'], 'x^3*sigmoid(x)\n', ['diff', 'x^3*sigmoid(x)', 'x']],
    [['formula', '-', '--json'], '1-2-1:quadratic\n', ['formula', '1-2-1:quadratic', '--json']],
    [['grad', '-'], '(w*x + b - y)^2', ['grad', '(w*x + b - y)^2']],
    [['expand', '-'], '  (a + b)^3  \n', ['expand', '(a + b)^3']],
    [['solve', '-', '--vars', 'x,y'], 'x^2 + y^2 - 4; x*y - 1\n', ['solve', 'x^2 + y^2 - 4; x*y - 1', '--vars', 'x,y']],
    [['verify', '-'], '(a + b)^2 = a^2 + 2*a*b + b^2\n', ['verify', '(a + b)^2 = a^2 + 2*a*b + b^2']],
  ])('%j with the argument on stdin = with it given', async (argv, input, direct) => {
    const viaStdin = await cliWithStdin(input, ...argv);
    const given = await cli(...direct);
    expect(viaStdin.err).toBe('');
    expect(viaStdin.code).toBe(0);
    expect(viaStdin).toEqual(given);
  });

  it('--data - reads the CSV from stdin (grad, analyze)', async () => {
    for (const argv of [['grad', '1-1:identity'], ['analyze', '1-1:identity']]) {
      const viaStdin = await cliWithStdin(LINE, ...argv, '--data', '-');
      expect(viaStdin.code).toBe(0);
      expect(viaStdin).toEqual(await cli(...argv, '--data', 'examples/line.csv'));
    }
  });

  it('--params - reads the JSON point from stdin (eval)', async () => {
    const point = JSON.stringify({ w1_1_1: 2, b1_1: -1 });
    const viaStdin = await cliWithStdin(point, 'eval', '1-1:identity', '--params', '-', '--input', '3', '--json');
    expect(viaStdin.code).toBe(0);
    // f = 2·3 − 1 = 5 by both routes
    expect(JSON.parse(viaStdin.out).outputs.f1).toEqual({ symbolic: 5, engine: 5 });
  });

  it('stands for one thing per run', async () => {
    const r = await cliWithStdin('1-1:identity', 'analyze', '-', '--data', '-');
    expect(r).toEqual({ code: 2, out: '', err: "closedform: standard input is already read for <spec>, so --data - cannot read it too\n" });
  });

  it('without standard input, - is a one-line usage error', async () => {
    expect(await cli('diff', '-', 'x')).toEqual({ code: 2, out: '', err: "closedform: <expr> is '-' but there is no standard input to read\n" });
  });

  it('is announced in the help', async () => {
    expect((await cli('--help')).out).toContain('An argument or file given as - is read from standard input');
  });
});
