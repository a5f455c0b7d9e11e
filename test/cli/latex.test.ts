/**
 * `--latex` on every command that prints formulas: each accepts it, and every line it prints is
 * typeset by KaTeX (the oracle) without error. The list of commands is read from `--help`, so a
 * new command is either in the table of formula commands below or named as printing none.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'closedform-latex-'));
const at = join(dir, 'origin.csv');
writeFileSync(at, 'w1_1_1,1\nw2_1_1,2\n');

/** Each formula command with arguments that make it print formulas (several forms where it has them). */
const RUNS: readonly (readonly string[])[] = [
  ['formula', '2-2-1:sigmoid,identity'],
  ['formula', '8-8-8-8-8-8-8-1:tanh,identity'],
  ['grad', '2-2-1:tanh,identity'],
  ['grad', '2-2-1:tanh,identity', '--shared'],
  ['grad', '3-2-3-4:arctan_sigmoid:half', '--form', 'backprop'],
  ['grad', '(w*x + b - y)^2', '--vars', 'w,b'],
  ['diff', 'sigmoid(w*x + b)^2', 'w'],
  ['hessian', '1-1-1:identity:nobias'],
  ['hessian', '2-1:sigmoid'],
  ['expand', '1-2-1:quadratic'],
  ['expand', '(a*x + b*y)^3', '--in', 'x,y'],
  ['collapse', '2-2-1:identity'],
  ['collapse', '1-2-1:quadratic'],
  ['solve', 'x^2 + y^2 - 4; x*y - 1', '--vars', 'x,y'],
  ['solve', 'x^2 - 2; y - x', '--vars', 'x,y'],
  ['verify', '(a + b)^2 = a^2 + 2*a*b + b^2'],
  ['regions', '2-2-1:relu,identity', '--data', 'examples/relu-plane.csv'],
];
/** Commands that print no formula on their own (pages, figures, numbers, a server, verdicts). */
const NO_FORMULA = new Set(['analyze', 'derive', 'demo', 'plot', 'check', 'eval', 'serve', 'help']);

describe('--latex', () => {
  it('every command that prints formulas is in the table', async () => {
    const help = (await cli('--help')).out;
    const names = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    const covered = new Set(RUNS.map((r) => r[0]));
    for (const n of names) expect(covered.has(n) || NO_FORMULA.has(n), n).toBe(true);
  });

  it.each(RUNS.map((r) => [r.join(' '), r] as const))('%s --latex: every line is typeset by KaTeX', async (_, argv) => {
    const r = await cli(...argv, '--latex');
    expect(r.err).toBe('');
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(() => katex.renderToString(l, { displayMode: true, throwOnError: true }), l.slice(0, 200)).not.toThrow();
  });

  it('verify --latex: ≠ and the difference when the identity fails (exit 1)', async () => {
    const r = await cli('verify', '(a + b)^2 = a^2 + b^2', '--latex');
    expect(r.code).toBe(1);
    expect(r.out).toContain('\\neq');
    expect(r.out).toContain('= 2 a b');
  });

  it('hessian --latex at a point', async () => {
    const r = await cli('hessian', '1-1-1:identity:nobias', '--at', at, '--latex');
    for (const l of r.out.trim().split('\n')) expect(() => katex.renderToString(l, { displayMode: true, throwOnError: true }), l).not.toThrow();
  });
});
