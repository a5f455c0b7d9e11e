/**
 * The exact simplex feasibility test (relu-lp.ts) against two independent routes: Fourier–Motzkin
 * elimination (poly/polyhedron.ts) on homogeneous systems, where G·u ≥ 1 is feasible iff G·u > 0
 * is (scale a strict solution), and SciPy's HiGHS on inhomogeneous ones. Every witness is
 * checked by exact substitution.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Rational, ONE, Q, ZERO, qadd, qcmp, qmul } from '../../src/expr/rational.js';
import { linearFeasibility } from '../../src/poly/polyhedron.js';
import { feasiblePoint } from '../../src/analysis/relu-lp.js';
import { PYTHON } from '../helpers/sympy.js';

const hasScipy = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import scipy.optimize'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);
const satisfies = (G: Rational[][], h: Rational[], u: Rational[]): boolean => G.every((row, i) => qcmp(dot(row, u), h[i]!) >= 0);
const coef = fc.integer({ min: -3, max: 3 });

describe('feasiblePoint (exact simplex, Bland\'s rule)', () => {
  it.each<[string, number[][], number[], boolean]>([
    ['u ≥ 1, −u ≥ 0', [[1], [-1]], [1, 0], false],
    ['u₁ + u₂ ≥ 2, u₁ − u₂ ≥ 0', [[1, 1], [1, -1]], [2, 0], true],
    ['a triangle: u₁ ≥ 0, u₂ ≥ 0, −u₁ − u₂ ≥ −1', [[1, 0], [0, 1], [-1, -1]], [0, 0, -1], true],
    ['empty: u₁ ≥ 1, u₂ ≥ 1, −u₁ − u₂ ≥ −1', [[1, 0], [0, 1], [-1, -1]], [1, 1, -1], false],
    ['0 ≥ 0 and 0 ≥ 1', [[0, 0], [0, 0]], [0, 1], false],
  ])('%s', (_name, g, h, feasible) => {
    const G = g.map((r) => r.map((v) => Q(v)));
    const H = h.map((v) => Q(v));
    const u = feasiblePoint(G, H);
    expect(u !== undefined).toBe(feasible);
    if (u !== undefined) expect(satisfies(G, H, u)).toBe(true);
  });

  it('homogeneous systems: G·u ≥ 1 feasible iff Fourier–Motzkin finds G·u > 0 feasible', () => {
    const systems = fc.sample(fc.array(fc.array(coef, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 7 }), { numRuns: 200, seed: 13 });
    let yes = 0;
    for (const g of systems) {
      const G = g.map((r) => r.map((v) => Q(v)));
      const u = feasiblePoint(G, G.map(() => ONE), 3);
      const fm = linearFeasibility(['a', 'b', 'c'], [], G.map((r) => ({ coeffs: r, constant: ZERO })));
      expect(u !== undefined).toBe(fm.feasible);
      if (u !== undefined) {
        yes++;
        expect(satisfies(G, G.map(() => ONE), u)).toBe(true);
      }
    }
    // both outcomes occur, so the comparison means something
    expect(yes).toBeGreaterThan(20);
    expect(yes).toBeLessThan(systems.length - 20);
  });

  it.skipIf(!hasScipy)('inhomogeneous systems: agrees with SciPy\'s HiGHS', () => {
    const systems = fc.sample(fc.array(fc.tuple(fc.array(coef, { minLength: 3, maxLength: 3 }), fc.integer({ min: -4, max: 4 })), { minLength: 1, maxLength: 7 }), { numRuns: 200, seed: 29 });
    const ours = systems.map((rows) => {
      const G = rows.map(([r]) => r.map((v) => Q(v)));
      const h = rows.map(([, k]) => Q(k));
      const u = feasiblePoint(G, h, 3);
      if (u !== undefined) expect(satisfies(G, h, u)).toBe(true);
      return u === undefined ? '0' : '1';
    });
    // G·u ≥ h ⇔ −G·u ≤ −h; integer data, so a feasible system is feasible with margin 0 exactly
    const py =
      'import json, sys\nfrom scipy.optimize import linprog\nout = []\n' +
      'for rows in json.loads(sys.argv[1]):\n' +
      '    res = linprog([0, 0, 0], A_ub=[[-c for c in r[0]] for r in rows], b_ub=[-r[1] for r in rows], bounds=[(None, None)] * 3, method="highs")\n' +
      "    out.append('1' if res.status == 0 else '0')\n" +
      "print(''.join(out))";
    const theirs = execFileSync(PYTHON, ['-c', py, JSON.stringify(systems)], { encoding: 'utf8' }).trim();
    expect(ours.join('')).toBe(theirs);
    expect(theirs).toMatch(/0/);
    expect(theirs).toMatch(/1/);
  });
});
