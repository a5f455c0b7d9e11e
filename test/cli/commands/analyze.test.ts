import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

describe('closedform collapse', () => {
  it('seed 004 in the rows convention: β = W⁽¹⁾W⁽²⁾, β₀ = b⁽¹⁾W⁽²⁾ + b⁽²⁾, proved', async () => {
    const r = await cli('collapse', '3-2-1:identity:rows', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.linear).toBe(true);
    expect(j.proved).toBe(true);
    expect(j.beta).toEqual([['w1_1_1*w2_1_1 + w1_2_1*w2_1_2', 'w1_1_2*w2_1_1 + w1_2_2*w2_1_2', 'w1_1_3*w2_1_1 + w1_2_3*w2_1_2']]);
    expect(j.beta0).toEqual(['b2_1 + b1_1*w2_1_1 + b1_2*w2_1_2']);
    expect(j.matrixForm).toMatch(/^\\boldsymbol\{\\beta\} = \\mathbf\{W\}\^\{\(1\)\}\\mathbf\{W\}\^\{\(2\)\}, \\quad \\beta_0 = \\mathbf\{b\}\^\{\(1\)\}\\mathbf\{W\}\^\{\(2\)\} \+ \\mathbf\{b\}\^\{\(2\)\}/);
    expect([j.features, j.params, j.rank]).toEqual([4, 11, 4]);
  });
  it('a quadratic network: not linear, K, P, rank', async () => {
    const j = JSON.parse((await cli('collapse', '1-2-1:quadratic', '--json')).out);
    expect([j.linear, j.beta, j.features, j.params, j.rank, j.filling]).toEqual([false, null, 5, 7, 3, false]);
  });
  it('a transcendental network is refused with one line and exit code 2', async () => {
    const r = await cli('collapse', '1-2-1:sigmoid,identity');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/not polynomial/);
  });
});

describe('closedform analyze', () => {
  it('1-2-1:quadratic with the quartic example: a verdict a person can act on', async () => {
    const r = await cli('analyze', '1-2-1:quadratic', '--data', 'examples/quartic.csv', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.class).toBe('polynomial');
    expect(j.degree).toEqual({ inputs: 4, params: 6 });
    expect([j.features, j.params, j.rank, j.filling]).toEqual([5, 7, 3, false]);
    expect(j.leastSquares.exact).toBe(true);
    expect(j.criticalPoints.status).toBe('budget'); // counting was started and stopped by its time budget: not refused up front
    expect(j.verdict).toMatch(/quartic|degree 4 in x/);
    expect(j.verdict).toMatch(/Next: /);
    // the suggested variant is one whose critical points the explorer can actually solve
    expect(j.verdict).toMatch(/`closedform analyze 1-2-1:quadratic,identity:nobias --data FILE --l2 generic`/);
    expect(j.numeric.join(' ')).toMatch(/gradient descent/);
  });
  it('1-1-1:identity with --l2 generic: finite critical set, classified points', async () => {
    const j = JSON.parse((await cli('analyze', '1-1-1:identity', '--data', 'examples/line.csv', '--l2', 'generic', '--seed', '1', '--json')).out);
    expect(j.criticalPoints.dimension).toBe(0);
    expect(j.criticalPoints.complexSolutions).toBe(9);
    expect(j.criticalPoints.realSolutions.map((s: { type: string }) => s.type).sort()).toEqual(['minimum', 'minimum', 'saddle']);
    expect(j.leastSquares.loss).toBe('9/5');
  });
  it('without L2 the verdict says the critical set is positive-dimensional and how to fix it', async () => {
    const j = JSON.parse((await cli('analyze', '1-1-1:identity', '--data', 'examples/line.csv', '--json')).out);
    expect(j.criticalPoints.dimension).toBe(2);
    expect(j.verdict).toMatch(/--l2 generic/);
  });
  it('transcendental: says so plainly, offers the Taylor surrogate, labels it approximate', async () => {
    const a = JSON.parse((await cli('analyze', '1-1:tanh', '--json')).out);
    expect(a.class).toBe('transcendental');
    expect(a.verdict).toMatch(/not a polynomial system/);
    expect(a.verdict).toMatch(/--taylor/);
    const b = JSON.parse((await cli('analyze', '1-1:tanh', '--data', 'examples/line.csv', '--taylor', '3', '--l2', 'generic', '--json')).out);
    expect(b.taylor.approximate).toBe(true);
    expect(b.verdict).toMatch(/APPROXIMATE/);
  });
  it('a JSON spec whose layers differ in bias has no compact name and is analysed all the same', async () => {
    const r = await cli('analyze', '{"widths":[1,1,1],"activations":["identity"],"bias":[true,false]}', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).spec).toMatch(/"bias":\[true,false\]/);
  });
  it.each([
    [['analyze', '1-1-1:identity', '--l2', 'abc'], /bad --l2/],
    [['analyze', '1-1-1:identity', '--l2', '1/10', '--normalise'], /alternatives/],
    [['analyze', '1-1-1:identity', '--data', 'no/such.csv'], /cannot read data file/],
    [['analyze', '1-1-1:nope'], /unknown activation/],
    [['analyze', '1-1:sigmoid', '--taylor', '99'], /bad --taylor|out of range/],
    [['analyze', '1-1-1:identity', '--seed', '-3'], /bad --seed|unknown option/],
  ])('%j fails with one line and exit code 2', async (argv, msg) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('closedform analyze: the critical points listed, spurious minima named', () => {
  it('notebook 01\'s data: the spurious local minimum with L = 6 at b2_1 = √2 is listed and named in the verdict', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const csv = join(mkdtempSync(join(tmpdir(), 'closedform-nb01-')), 'nb01.csv');
    writeFileSync(csv, 'x1,y1\n-1,1\n0,4\n1,1\n');
    const r = await cli('analyze', '1-2-1:quadratic', '--data', csv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^critical points on the rank-deficient strata \(loss L without regularisation; lowest loss attained ≈ [\d.e-]+, gradient descent's best point, evaluated exactly\):$/m);
    expect(r.out).toContain('minimum, SPURIOUS local minimum (not global), loss (not regularised) = 6: h1_1, h1_2 silent (incoming weights and bias 0), outgoing weights +1: w1_1_1 = 0, w1_2_1 = 0, b1_1 = 0, b1_2 = 0, w2_1_1 = 1, w2_1_2 = 1, b2_1 ≈ 1.414213562373');
    expect(r.out).toMatch(/So the landscape has spurious local minima/);
    expect(r.out).toMatch(/Not shown: critical points on the strata not solved/);
  });

  it('with --l2 generic every real critical point is listed, the losses labelled regularised, the minima marked global or not', async () => {
    const { descend } = await import('../../../src/analysis/numeric.js');
    const { l2Coefficients } = await import('../../../src/analysis/critical.js');
    const { parseSpec, readCsv, qtoNumber } = await import('../../../src/index.js');
    const { readFileSync } = await import('node:fs');
    const r = await cli('analyze', '1-2-1:quadratic,identity:nobias', '--data', 'examples/quartic.csv', '--l2', 'generic');
    expect(r.out).toMatch(/^critical points of the regularised loss L \+ Σλⱼθⱼ² \(∇L = 0 solved exactly; 17 real, by regularised loss; types from the Hessian, certified\):$/m);
    const lines = r.out.split('\n').filter((l) => /^ {2}\d+\. (minimum|saddle of index \d+|maximum|degenerate[^,]*), regularised loss/.test(l));
    expect(lines).toHaveLength(17);
    const minima = lines.filter((l) => l.includes('minimum,')).map((l) => ({ loss: Number(/regularised loss ≈ ([\d.]+)/.exec(l)![1]), global: !l.includes('NOT global') }));
    const g = Math.min(...minima.map((m) => m.loss));
    for (const m of minima) expect(m.global).toBe(m.loss <= g * (1 + 1e-9));
    expect(minima.some((m) => !m.global)).toBe(true);
    expect(r.out).toMatch(/are spurious local minima of the regularised loss/);
    // the numeric engine's descent on the same regularised loss, from 12 random starts, never goes below the global value
    const spec = parseSpec('1-2-1:quadratic,identity:nobias');
    const data = readCsv(readFileSync('examples/quartic.csv', 'utf8'), spec);
    const lambda = ['w1_1_1', 'w1_2_1', 'w2_1_1', 'w2_1_2'].map((p) => qtoNumber(l2Coefficients(['w1_1_1', 'w1_2_1', 'w2_1_1', 'w2_1_2'], { kind: 'generic', seed: 1 }).get(p)!));
    const d = descend(spec, data, { seed: 3, starts: 12, lambda });
    expect(d.best).toBeGreaterThan(g - 1e-6 * g);
    expect(Math.abs(d.best - g)).toBeLessThan(1e-3 * g); // and comes close to it (1500 steps do not fully converge)
  }, 180_000);
});

describe('closedform analyze at census scale', () => {
  it('2-2-2:identity:nobias on one point with generic L2: 8 unknowns, no longer refused; 33 complex critical points (Singular: test/groebner/census.test.ts), each real one a critical point for the engine', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const csv = join(mkdtempSync(join(tmpdir(), 'cf-')), 'one.csv');
    writeFileSync(csv, 'x1,x2,y1,y2\n2,-3,1,4\n');
    const r = await cli('analyze', '2-2-2:identity:nobias', '--data', csv, '--l2', 'generic', '--json');
    expect(r.code).toBe(0);
    const cp = JSON.parse(r.out).criticalPoints;
    expect([cp.status, cp.dimension, cp.complexSolutions]).toEqual(['solved', 0, 33]);
    expect(cp.realSolutions.length).toBeGreaterThan(0);
    for (const p of cp.realSolutions) expect(p.gradientNorm).toBeLessThan(1e-6);
  }, 60_000);
  it.each([['0'], ['-1'], ['1.5'], ['x']])('--timeout %s is refused with one line, exit 2', async (t) => {
    const r = await cli('analyze', '1-1-1:identity', '--timeout', t);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--timeout/);
  });
});
