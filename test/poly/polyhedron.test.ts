/**
 * Exact linear feasibility (Fourier–Motzkin over Q) against an independent route: SciPy's
 * linear-programming solver (HiGHS). {E = 0, S > 0} is feasible iff max s subject to E = 0,
 * S ≥ s, s ≤ 1 is positive; with integer coefficients in [−3, 3] in three variables a positive
 * optimum is at least 1/(3·3·3)³-ish, far above the solver's 1e−9. Every witness is checked by
 * exact substitution.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AffineForm, type Rational, Q, linearFeasibility, qadd, qisZero, qmul, qsign } from '../../src/index.js';
import { execFileSync } from 'node:child_process';
import { PYTHON } from '../helpers/sympy.js';

const hasScipy = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import scipy.optimize'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const VARS = ['x', 'y', 'z'];
const form = (cs: number[], c: number): AffineForm => ({ coeffs: cs.map((v) => Q(v)), constant: Q(c) });
const value = (f: AffineForm, p: ReadonlyMap<string, Rational>): Rational => f.coeffs.reduce((s, a, i) => qadd(s, qmul(a, p.get(VARS[i]!)!)), f.constant);

describe('linearFeasibility', () => {
  it.each<[string, AffineForm[], AffineForm[], boolean]>([
    ['x − 3 > 0', [], [form([1, 0, 0], -3)], true],
    ['x > 0, −x > 0', [], [form([1, 0, 0], 0), form([-1, 0, 0], 0)], false],
    ['x > 0, x = 0', [form([1, 0, 0], 0)], [form([1, 0, 0], 0)], false],
    ['x + y = 1, x > 0, y > 0', [form([1, 1, 0], -1)], [form([1, 0, 0], 0), form([0, 1, 0], 0)], true],
    ['x + y = 1, x + y = 2', [form([1, 1, 0], -1), form([1, 1, 0], -2)], [], false],
    ['x > y, y > z, z > x', [], [form([1, -1, 0], 0), form([0, 1, -1], 0), form([-1, 0, 1], 0)], false],
    ['0 < x − y < 1/1000 scaled: 1000x − 1000y − 1 < 0, x − y > 0', [], [form([-1000, 1000, 0], 1), form([1, -1, 0], 0)], true],
  ])('%s', (_name, eq, gt, feasible) => {
    const r = linearFeasibility(VARS, eq, gt);
    expect(r.feasible).toBe(feasible);
    if (feasible) {
      for (const f of eq) expect(qisZero(value(f, r.point!))).toBe(true);
      for (const f of gt) expect(qsign(value(f, r.point!))).toBe(1);
    }
  });

  it('x − 3 > 0 has the small witness x = 4', () => {
    expect(linearFeasibility(['x'], [], [{ coeffs: [Q(1)], constant: Q(-3) }]).point!.get('x')).toEqual(Q(4));
  });

  it.skipIf(!hasScipy)('agrees with SciPy\'s LP solver on random systems, and every witness satisfies the system exactly', () => {
    const coef = fc.integer({ min: -3, max: 3 });
    const row = fc.tuple(fc.array(coef, { minLength: 3, maxLength: 3 }), fc.integer({ min: -4, max: 4 }));
    const systems = fc.sample(fc.tuple(fc.array(row, { maxLength: 2 }), fc.array(row, { minLength: 1, maxLength: 6 })), { numRuns: 150, seed: 16 });
    const ours = systems.map(([eq, gt]) => {
      const E = eq.map(([c, k]) => form(c, k));
      const S = gt.map(([c, k]) => form(c, k));
      const r = linearFeasibility(VARS, E, S);
      if (r.feasible) {
        for (const f of E) expect(qisZero(value(f, r.point!))).toBe(true);
        for (const f of S) expect(qsign(value(f, r.point!))).toBe(1);
      }
      return r.feasible ? '1' : '0';
    });
    // variables (x, y, z, s); maximise s: minimise −s; S·x + γ ≥ s  ⇔  −S·x + s ≤ γ
    const py =
      'import json, sys\nfrom scipy.optimize import linprog\nout = []\n' +
      `for E, S in json.loads(sys.argv[1]):\n` +
      '    A_ub = [[-c for c in r[0]] + [1] for r in S]; b_ub = [r[1] for r in S]\n' +
      '    A_eq = [r[0] + [0] for r in E] or None; b_eq = [-r[1] for r in E] or None\n' +
      '    res = linprog([0, 0, 0, -1], A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=[(None, None)] * 3 + [(None, 1)], method="highs")\n' +
      "    out.append('1' if res.status == 0 and -res.fun > 1e-9 else '0')\n" +
      "print(''.join(out))";
    const theirs = execFileSync(PYTHON, ['-c', py, JSON.stringify(systems)], { encoding: 'utf8' }).trim();
    expect(ours.join('')).toBe(theirs);
    // both outcomes occur, so the comparison means something
    expect(theirs).toMatch(/0/);
    expect(theirs).toMatch(/1/);
  });
});
