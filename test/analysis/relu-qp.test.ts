/**
 * Exact least squares on a polyhedral cone (relu-qp.ts) against an independent enumeration: the
 * minimiser lies in the relative interior of exactly one face {C_W θ = 0, C_rest θ > 0}, where it
 * is stationary on the face's span (Aᵀ(Aθ − y) = C_Wᵀν); Fourier–Motzkin (poly/polyhedron.ts)
 * decides for every subset W whether such a θ exists, and the least value over those is the
 * minimum. Starts at 0 (every constraint active: maximally degenerate) and at interior points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Rational, ONE, Q, ZERO, qadd, qcmp, qmul, qneg, qsign, qsub } from '../../src/expr/rational.js';
import { linearFeasibility } from '../../src/poly/polyhedron.js';
import { coneLeastSquares } from '../../src/analysis/relu-qp.js';
import { feasiblePoint } from '../../src/analysis/relu-lp.js';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);
const sq = (A: Rational[][], y: Rational[], t: readonly Rational[]): Rational => A.reduce((s, row, p) => {
  const r = qsub(dot(row, t), y[p]!);
  return qadd(s, qmul(r, r));
}, ZERO);

/** min ‖Aθ − y‖² over Cθ ≥ 0 by enumerating the faces (2^rows subsets) with Fourier–Motzkin. */
function faceEnumerationMinimum(A: Rational[][], y: Rational[], C: Rational[][]): Rational {
  const n = A[0]!.length;
  const vars = [...Array.from({ length: n }, (_, i) => `t${i}`)];
  let best: Rational | undefined;
  for (let mask = 0; mask < 1 << C.length; mask++) {
    const W = C.filter((_, j) => mask & (1 << j));
    const rest = C.filter((_, j) => !(mask & (1 << j)));
    const nu = W.map((_, k) => `v${k}`);
    const all = [...vars, ...nu];
    // stationarity: Σₚ Aₚᵢ (Aₚ·θ − yₚ) − Σₖ Wₖᵢ νₖ = 0 for each i
    const eq = [
      ...Array.from({ length: n }, (_, i) => ({
        coeffs: [...Array.from({ length: n }, (_, j) => A.reduce((s, row) => qadd(s, qmul(row[i]!, row[j]!)), ZERO)), ...W.map((w) => qneg(w[i]!))],
        constant: qneg(A.reduce((s, row, p) => qadd(s, qmul(row[i]!, y[p]!)), ZERO)),
      })),
      ...W.map((w) => ({ coeffs: [...w, ...nu.map(() => ZERO)], constant: ZERO })),
    ];
    const gt = rest.map((r) => ({ coeffs: [...r, ...nu.map(() => ZERO)], constant: ZERO }));
    const f = linearFeasibility(all, eq, gt);
    if (!f.feasible) continue;
    const v = sq(A, y, vars.map((x) => f.point!.get(x)!));
    if (best === undefined || qcmp(v, best) < 0) best = v;
  }
  return best!;
}

const int = fc.integer({ min: -3, max: 3 });

describe('coneLeastSquares', () => {
  it('a minimum on the boundary: min (θ − 1)² with θ ≤ 0 is 1 at θ = 0', () => {
    const r = coneLeastSquares([[Q(1)]], [Q(1)], [[Q(-1)]], [Q(-1)]);
    expect(r.value).toEqual(Q(1));
    expect(r.theta).toEqual([Q(0)]);
  });

  it('random cones in 3 unknowns: the exact minimum equals the face enumeration, from degenerate and interior starts', () => {
    const cases = fc.sample(
      fc.tuple(fc.array(fc.array(int, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 5 }), fc.array(int, { minLength: 5, maxLength: 5 }), fc.array(fc.array(int, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 })),
      { numRuns: 60, seed: 5 },
    );
    let boundary = 0;
    let lp = 0;
    for (const [a, yv, c] of cases) {
      const A = a.map((r) => r.map((v) => Q(v)));
      const y = yv.slice(0, A.length).map((v) => Q(v));
      const C = c.map((r) => r.map((v) => Q(v)));
      const oracle = faceEnumerationMinimum(A, y, C);
      const inner = feasiblePoint(C, C.map(() => ONE), 3);
      for (const start of [[ZERO, ZERO, ZERO], ...(inner !== undefined ? [inner] : [])]) {
        const r = coneLeastSquares(A, y, C, start);
        expect(r.value).toEqual(oracle);
        expect(sq(A, y, r.theta)).toEqual(r.value);
        for (const row of C) expect(qsign(dot(row, r.theta))).toBeGreaterThanOrEqual(0);
        if (r.active.length > 0) boundary++;
        lp += r.lpSteps;
      }
    }
    // the cases exercise minima on the boundary and the degenerate (LP) step
    expect(boundary).toBeGreaterThan(20);
    expect(lp).toBeGreaterThan(0);
  });
});
