import { describe, expect, it } from 'vitest';
import { type Regularisation, classifyEigenvalues, criticalPoints, l2Coefficients } from '../../src/analysis/critical.js';
import { descend } from '../../src/analysis/numeric.js';
import { taylorSurrogate } from '../../src/analysis/taylor.js';
import { Q, qtoNumber } from '../../src/expr/rational.js';
import { buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';
import { isSingularAvailable, singularStd } from '../../src/node/singular.js';

const generic: Regularisation = { kind: 'generic', seed: 1 };
const THREE = 'x1,y1\n0,1\n1,3\n2,4\n';
const TWO_D = 'x1,x2,y1,y2\n1,0,1,1\n0,1,2,-1\n1,1,0,1\n';

// [spec, data, regularisation, dimension, complex solutions with multiplicity]
const table: [string, string, Regularisation, number, number | undefined][] = [
  ['1-1-1:identity', THREE, generic, 0, 9],
  ['1-1-1:identity', THREE, { kind: 'uniform', lambda: Q(1, 10) }, 0, 9],
  ['1-1-1:identity', THREE, { kind: 'none' }, 2, undefined],
  ['1-1-1-1:identity:nobias', 'x1,y1\n1,2\n2,3\n', generic, 0, 17],
  ['2-1-2:identity:nobias', TWO_D, generic, 0, 17],
  ['1-2-1:identity:nobias', 'x1,y1\n1,2\n2,3\n-1,1\n', generic, 0, 9],
  ['1-1:quadratic', THREE, generic, 0, 9],
  ['1-2-1:quadratic,identity:nobias', 'x1,y1\n1,2\n2,3\n-1,1\n', generic, 0, 33],
  // a fixed normalisation w1_1_1 = 1: the scaling symmetry is gone, w2 alone fits the data
  ['1-1-1:identity:nobias', THREE, { kind: 'normalise' }, 0, 1],
  // … but not the bias shift (b1, b2) → (b1 + t, b2 − w2·t): the set stays a curve
  ['1-1-1:identity', THREE, { kind: 'normalise' }, 1, undefined],
  ['1-1-1-1:identity:nobias', 'x1,y1\n1,2\n2,3\n', { kind: 'normalise' }, 0, 1],
];

describe('critical points of the loss: counts agree with Singular, points with the numeric engine', () => {
  it.each(table.map(([s, csv, reg, dim, count]) => [s, reg.kind, dim, count, csv, reg] as const))('%s, L2 %s: dimension %i, %s complex solutions', (s, _k, dim, count, csv, reg) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(csv, net.spec);
    const cp = criticalPoints(net, data, reg);
    expect(cp.status).toBe('solved');
    expect(cp.dimension).toBe(dim);
    expect(cp.complexSolutions).toBe(count);
    expect(cp.bezout).toBe(cp.degrees.reduce((b, d) => b * BigInt(d), 1n));
    if (isSingularAvailable()) {
      const sg = singularStd(cp.system, net.params.filter((p) => !cp.fixed.includes(p)));
      expect(sg.dimension).toBe(dim);
      if (count !== undefined) expect(sg.vdim).toBe(count);
    }
    for (const r of cp.realSolutions ?? []) {
      // the engine's backprop gradient vanishes at every reported point (12 decimals)
      expect(r.gradientNorm).toBeLessThan(1e-8);
      expect(r.type).toBe(classifyEigenvalues(r.eigenvalues));
    }
    if (dim === 0) {
      expect(cp.realSolutions!.length).toBeGreaterThan(0);
      expect(cp.eliminantDegree).toBeGreaterThan(0);
      // gradient descent lands on one of the reported minima
      if (reg.kind === 'normalise') {
        expect(cp.unknowns).toBe(net.params.length - cp.fixed.length);
        expect(cp.regularisation).toMatch(/fixed normalisation/);
        return;
      }
      const lam = net.params.map((p) => qtoNumber(l2Coefficients(net.params, reg).get(p) ?? Q(0)));
      const d = descend(net.spec, data, { seed: 2, starts: 2, steps: 3000, lambda: lam });
      const minima = cp.realSolutions!.filter((r) => r.type === 'minimum').map((r) => r.loss);
      expect(minima.some((m) => Math.abs(m - d.best) < 1e-6 * Math.max(1, m))).toBe(true);
    }
  });

  it('stops when the first prime alone passes its budget (status budget: it was started, not refused up front), saying so, with a hint', () => {
    const net = buildNetwork(parseSpec('1-2-1:quadratic'));
    const cp = criticalPoints(net, readCsv(THREE, net.spec), generic);
    expect(cp.status).toBe('budget');
    expect(cp.system.length).toBe(7);
    expect(cp.message).toMatch(/time budget of \d+ ms within the first prime.*:nobias/);
  });

  it('past the exact quotient\'s budget the real points come from the modular RUR (Singular agrees on the count, the engine on ∇L = 0)', () => {
    const net = taylorSurrogate(buildNetwork(parseSpec('1-1:sigmoid')), 5).net;
    const cp = criticalPoints(net, readCsv('x1,y1\n0,1\n1,3\n2,4\n3,8\n', net.spec), generic);
    expect(cp.status).toBe('solved');
    expect(cp.complexSolutions).toBe(81);
    expect(cp.counting).toMatch(/rational univariate representation lifted from \d+ primes/);
    expect(cp.realSolutions!.length).toBeGreaterThan(0);
    // Each point solves the surrogate's system: every equation's value is tiny against the size
    // of its terms there (the engine would check the true sigmoid network, not the surrogate).
    for (const p of cp.realSolutions!) {
      for (const eq of cp.system) {
        const x = eq.vars.map((v) => Number(p.point[v]));
        const terms = eq.terms.map((t) => qtoNumber(t.coeff) * t.exps.reduce((m, e, k) => m * x[k]! ** e, 1));
        const size = terms.reduce((a, b) => a + Math.abs(b), 0);
        expect(Math.abs(terms.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9 * Math.max(1, size));
      }
    }
    if (isSingularAvailable()) expect(singularStd(cp.system, net.params).vdim).toBe(81);
  });

  it('generic L2 coefficients are positive rationals, reproducible by seed', () => {
    const a = l2Coefficients(['p', 'q', 'r'], { kind: 'generic', seed: 5 });
    expect([...a.values()].every((q) => q.n > 0n && q.n <= q.d)).toBe(true);
    expect(l2Coefficients(['p', 'q', 'r'], { kind: 'generic', seed: 5 })).toEqual(a);
  });

  it.each([
    [[1, 2, 3], 'minimum'],
    [[-3, -1], 'maximum'],
    [[-1, 2], 'saddle'],
    [[0, 1], 'degenerate'],
    [[1e-9, 5], 'degenerate'],
  ] as const)('eigenvalues %j → %s', (ev, t) => expect(classifyEigenvalues(ev)).toBe(t));
});
