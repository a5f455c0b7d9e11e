import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { VERSION, diff, evaluate, grad, parse, toLatex, toText } from '../../../src/index.js';

describe('closedform diff', () => {
  it('--json gives {text, latex} of the derivative', async () => {
    const r = await cli('diff', 'sigmoid(w*x + b)^2', 'w', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(j).sort()).toEqual(['latex', 'text']);
    const d = diff(parse('sigmoid(w*x + b)^2'), 'w');
    expect(j['text']).toBe(toText(d));
    expect(j['latex']).toBe(toLatex(d));
    // and the printed text means the derivative: compare with a finite difference
    const p = { w: 0.7, x: 1.3, b: -0.2 };
    const f = (w: number): number => evaluate(parse('sigmoid(w*x + b)^2'), { ...p, w });
    expect(evaluate(parse(j['text'] as string), p)).toBeCloseTo((f(0.7 + 1e-6) - f(0.7 - 1e-6)) / 2e-6, 8);
  });
  it('plain output is the text and a newline', async () => {
    expect(await cli('diff', 'x^3', 'x')).toEqual({ code: 0, out: '3*x^2\n', err: '' });
  });
});

describe('closedform grad', () => {
  it('--json gives the gradient by name, dagSize and gradientDagSize', async () => {
    const r = await cli('grad', '(w*x + b - y)^2', '--vars', 'w,b', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { gradient: Record<string, { text: string; latex: string }>; dagSize: number; gradientDagSize: number };
    expect(Object.keys(j).sort()).toEqual(['dagSize', 'gradient', 'gradientDagSize']);
    expect(Object.keys(j.gradient)).toEqual(['w', 'b']);
    const g = grad(parse('(w*x + b - y)^2'), ['w', 'b']);
    for (const v of ['w', 'b']) {
      expect(parse(j.gradient[v]!.text)).toBe(g.get(v));
      expect(j.gradient[v]!.latex).toBe(toLatex(g.get(v)!));
    }
    expect(j.dagSize).toBe(9); // (·)², +, w·x, −y, w, x, b, y, −1
    expect(j.gradientDagSize).toBeGreaterThan(j.dagSize);
  });
  it('without --vars: every free symbol, in natural order', async () => {
    const r = await cli('grad', 'x10*x2 + x1', '--json');
    expect(Object.keys((JSON.parse(r.out) as { gradient: object }).gradient)).toEqual(['x1', 'x2', 'x10']);
  });
});

describe('user errors: exit 2, exactly one line on stderr, nothing on stdout', () => {
  it.each([
    [['diff', 'x^', 'x'], /^closedform: bad expression 'x\^': column 3: expected a number, a name or '\(' but found end of input$/],
    [['diff', 'foo(x)', 'x'], /unknown function 'foo'/],
    [['diff', 'x/0', 'x'], /column 2: division by zero/],
    [['diff', 'x^y', 'x'], /the exponent must be a rational number/],
    [['diff', 'x^2', 'y'], /^closedform: unknown variable 'y': it does not occur in 'x\^2' \(its variables are x\)$/],
    [['diff', 'x^2', '2x'], /bad variable name '2x'/],
    [['diff', 'pi*x', 'pi'], /'pi' is a named constant, not a variable/],
    [['grad', 'x*y', '--vars', 'x,zz'], /unknown variable 'zz'/],
    [['grad', 'x*y', '--vars', ''], /--vars lists no name/],
    [['grad', '3'], /has no variables/],
    [['dif', 'x', 'x'], /^closedform: unknown command 'dif' \(Did you mean diff\?\)$/],
    [['diff'], /missing required argument 'expr'/],
    [['diff', 'x'], /missing required argument 'var'/],
    [['diff', 'x', 'x', 'extra'], /too many arguments/],
    [['--nope'], /unknown option '--nope'/],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(r.err.trimEnd()).toMatch(message);
  });
});

describe('fuzz: any text gives an answer or one line and exit 2, never a crash (property)', () => {
  const pieces = ['x', 'y', '2', '0', '1.5', '1e3', '1e999999', '.', '+', '-', '*', '/', '^', '(', ')', ' ', 'sigmoid(', 'sqrt(', 'foo(', ',', '$', '1/2', 'pi', '\t'];
  it('diff and grad of random token soup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom('diff', 'grad'), async (toks, cmd) => {
        const text = toks.join('');
        const r = cmd === 'diff' ? await cli('diff', text, 'x') : await cli('grad', text, '--json');
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) {
          expect(r.out).toBe('');
          expect(r.err.split('\n')).toHaveLength(2);
        } else expect(r.err).toBe('');
      }),
      { numRuns: 400 },
    );
  });
});

describe('--help and --version', () => {
  it('--version prints the version', async () => expect(await cli('--version')).toEqual({ code: 0, out: `${VERSION}\n`, err: '' }));
  it('--help lists the commands', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/diff \[options\] <expr> <var>/);
    expect(r.out).toMatch(/grad \[options\] </);
  });
  it('diff --help shows an example', async () => {
    const r = await cli('diff', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('closedform diff "sigmoid(w*x + b)^2" w --json');
  });
});

describe('as a process', () => {
  it('a bad expression: one line on stderr, exit 2, no stack trace', () => {
    const p = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'diff', 'sigmoid(x', 'x'], { encoding: 'utf8', timeout: 60_000 });
    const stderr = p.stderr
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('npm warn'))
      .join('\n');
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expect(stderr).toBe(`closedform: bad expression 'sigmoid(x': column 10: expected ')' but found end of input`);
    expect(p.stderr).not.toMatch(/\n\s+at /);
  });
});
