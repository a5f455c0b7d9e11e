/**
 * `closedform hessian`: symbolic entries, the exact matrix at a point with its inertia and type,
 * budgets refused up front, bad input as one line with exit code 2. Oracles: the Hessian of
 * L = Σ(uvx − y)² by hand (1-1-1:identity:nobias), and the entries read back by mathjs against
 * central differences of the loss.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { mathjsValue } from '../../helpers/oracles.js';

const dir = mkdtempSync(join(tmpdir(), 'closedform-hessian-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
// Σxy = 1·2 + 2·3 + (−1)·1 = 7, Σx² = 6
const data = file('data.csv', 'x1,y1\n1,2\n2,3\n-1,1\n');
const origin = file('origin.csv', '# the origin\nw1_1_1,0\nw2_1_1,0\n');

describe('closedform hessian', () => {
  it('symbolic entries of Σ(uvx − y)²: ∂²/∂u² = 2v²Σx², ∂²/∂u∂v = 4uvΣx² − 2Σxy', async () => {
    const r = await cli('hessian', '1-1-1:identity:nobias', '--data', data, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { vars: string[]; entries: { row: string; column: string; text: string }[]; gradientDagSize: number; hessianDagSize: number };
    expect(out.vars).toEqual(['w1_1_1', 'w2_1_1']);
    expect(out.entries.map((e) => [e.row, e.column])).toEqual([
      ['w1_1_1', 'w1_1_1'],
      ['w1_1_1', 'w2_1_1'],
      ['w2_1_1', 'w2_1_1'],
    ]);
    for (const [u, v] of [
      [0.5, -1.25],
      [2, 0.75],
    ] as const) {
      const p = { w1_1_1: u, w2_1_1: v };
      const [uu, uv, vv] = out.entries.map((e) => mathjsValue(e.text, p));
      expect(uu).toBeCloseTo(2 * v * v * 6, 10);
      expect(uv).toBeCloseTo(4 * u * v * 6 - 2 * 7, 10);
      expect(vv).toBeCloseTo(2 * u * u * 6, 10);
    }
    expect(out.hessianDagSize).toBeGreaterThanOrEqual(out.gradientDagSize);
  });

  it('at the origin: a critical point, H = [[0, −14], [−14, 0]], a saddle', async () => {
    const r = await cli('hessian', '1-1-1:identity:nobias', '--data', data, '--at', origin, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      vars: ['w1_1_1', 'w2_1_1'],
      point: { w1_1_1: '0', w2_1_1: '0' },
      gradient: { w1_1_1: '0', w2_1_1: '0' },
      critical: true,
      hessian: [
        ['0', '-14'],
        ['-14', '0'],
      ],
      inertia: { positive: 1, negative: 1, zero: 0 },
      definiteness: 'indefinite',
      type: 'saddle',
    });
    const text = await cli('hessian', '1-1-1:identity:nobias', '--data', data, '--at', origin);
    expect(text.out).toContain('critical point: yes');
    expect(text.out).toContain('type: saddle\n');
    expect(text.out).toContain('  [  0, -14]\n  [-14,   0]\n');
  });

  it('a JSON point with exact values; off a critical point no type is claimed', async () => {
    // f = x²y − y³ at x = 1/10, y = 1/3: ∇f = (2xy, x² − 3y²) = (1/15, −97/300), H = [[2y, 2x], [2x, −6y]]
    const p = file('p.json', '{"x": 0.1, "y": "1/3"}');
    const r = await cli('hessian', 'x^2*y - y^3', '--at', p, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Record<string, unknown>;
    expect(out['gradient']).toEqual({ x: '1/15', y: '-97/300' });
    expect(out['hessian']).toEqual([
      ['2/3', '1/5'],
      ['1/5', '-2'],
    ]);
    expect(out['critical']).toBe(false);
    expect(out['type']).toBeUndefined();
  });

  it('LaTeX: entries as ∂²/∂θᵢ∂θⱼ with indexed names, and the matrix as a pmatrix', async () => {
    const r = await cli('hessian', '1-1-1:identity:nobias', '--data', data, '--latex');
    expect(r.code).toBe(0);
    expect(r.out).toContain('\\frac{\\partial^2 L}{\\partial w^{(1)}_{1,1}\\,\\partial w^{(2)}_{1,1}} = ');
    const m = await cli('hessian', '1-1-1:identity:nobias', '--data', data, '--at', origin, '--latex');
    expect(m.out).toContain('\\nabla^2 L = \\begin{pmatrix} 0 & -14 \\\\ -14 & 0 \\end{pmatrix}');
  });

  it('--out writes the text to a file', async () => {
    const path = join(dir, 'h.txt');
    const r = await cli('hessian', '1-2-1:quadratic', '--out', path);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/h\.txt: 28 Hessian entries/);
    expect(readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('d2L/')).length).toBe(28); // P = 7: 7·8/2
  });

  it.each([
    [['hessian', '8-16-16-1'], /433 variables has 93,961 distinct entries.*past the budget.*--params/],
    [['hessian', '2-4-4-1:tanh,identity'], /703 Hessian entries have 514,369 nodes written out, past the print budget.*--out FILE/],
    [['hessian', '1-2-1', '--params', 'w9'], /unknown parameter 'w9'/],
    [['hessian', 'x*y', '--vars', 'z'], /unknown variable 'z'/],
    [['hessian', 'x*y', '--params', 'x'], /--params and --data need a network spec/],
    [['hessian', '1-1', '--vars', 'x'], /--vars is for expressions/],
    [['hessian', 'x^2', '--json', '--latex'], /choose one/],
    [['hessian', 'x^2', '--at', join(dir, 'missing.csv')], /cannot read point file/],
    [['hessian', 'x^2', '--at', file('bad.csv', 'x,abc\n')], /'abc' is not a rational number/],
    [['hessian', 'x^2', '--at', file('three.csv', 'x,1,2\n')], /expected name,value/],
    [['hessian', 'x^2', '--at', file('twice.csv', 'x,1\nx,2\n')], /'x' is given twice/],
    [['hessian', 'x^2', '--at', file('empty.csv', '# nothing\n')], /gives no values/],
    [['hessian', 'x^2', '--at', file('arr.json', '{"x": [1]}')], /is not a number/],
    [['hessian', 'sigmoid(x)*x', '--at', file('half.csv', 'x,1/2\n')], /not rational at this point \(it involves sigmoid\)/],
    [['hessian', '1-1-1:identity:nobias', '--at', origin], /no value for x1, y1/],
    [['hessian', 'x^2', '--at', file('other.csv', 'x,1\nq,2\n')], /unknown name 'q'/],
    [['hessian', 'x^+'], /bad expression/],
  ])('%j → one line, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
