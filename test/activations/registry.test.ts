/**
 * One table over the activation registry (every fixed activation plus pow5): each facet checked
 * against an independent route.
 * - σ′ as a core node (derivative(z), evaluated) against central differences of `numeric`, against
 *   mathjs evaluating the `mathjsDerivative` text, and against `numericDerivative`;
 * - `numeric` against mathjs evaluating the `mathjs` text;
 * - exact values at rational points, where the value is rational, against `numeric`;
 * - the structure facet: polynomial degree (and the degree of each piece of a piecewise
 *   activation) by exact finite differences of apply(z) at rational points — the d-th difference
 *   of a degree-d polynomial on an equally spaced grid is the constant d!·h^d·(leading
 *   coefficient), the (d+1)-th is 0; breakpoints by a jump in σ or σ′ there; transcendental ones
 *   by an irrational value at a rational point;
 * - the pieces of a piecewise function (what `verify` splits on): above(u) for u > 0 and
 *   atOrBelow(u) for u ≤ 0, as polynomials of degree `structure.degrees`, against mathjs
 *   evaluating the `mathjs` text at rational points on both sides and at the breakpoint.
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  HEAVISIDE_AT_ZERO,
  type Activation,
  type Rational,
  Q,
  evaluate,
  evaluateExact,
  expand,
  getActivation,
  lookupFn,
  polyDegree,
  num,
  qeq,
  qsub,
  qtoNumber,
  sym,
  ZERO,
} from '../../src/index.js';

const math = create(all!, {});
const table: Activation[] = [...ACTIVATIONS, getActivation('pow5')!];
const z = sym('z');

/** Sample points, avoiding every breakpoint by at least 0.05 (the central-difference step is 10⁻⁵). */
const POINTS = [-3.7, -2, -1.25, -0.5, -0.1, 0.1, 0.3, 0.75, 1, 1.6, 2.5, 4.2];
/** Rational sample points for exact checks (breakpoint 0 included on purpose). */
const RATIONALS: Rational[] = [Q(-3), Q(-5, 2), Q(-1), Q(-1, 3), Q(0), Q(1, 7), Q(1, 2), Q(1), Q(2), Q(7, 3)];

/** Agreement up to `tol` relative to max(1, |b|); the failure message shows the error. */
const expectClose = (a: number, b: number, tol: number): void => {
  expect(Math.abs(a - b) / Math.max(1, Math.abs(b))).toBeLessThanOrEqual(tol);
};

/** Central difference (f(x+h) − f(x−h))/2h with h = 1e-5: error ≲ h²|f‴|/6 + ε|f|/h ≈ 10⁻⁹ here. */
const centralDiff = (f: (x: number) => number, x: number): number => (f(x + 1e-5) - f(x - 1e-5)) / 2e-5;

/** Exact σ(q) through the core's constant folding and exact evaluation. */
const exactAt = (a: Activation, q: Rational): Rational | undefined => evaluateExact(a.apply(z), { z: q });

/** Exact forward differences Δ^k f on the grid start, start+step, … (k+1 values). */
function differences(values: Rational[]): Rational[][] {
  const rows = [values];
  while (rows.at(-1)!.length > 1) {
    const r = rows.at(-1)!;
    rows.push(r.slice(1).map((v, i) => qsub(v, r[i]!)));
  }
  return rows;
}

/**
 * The degree of f on a grid of rationals: the last k with Δ^k not identically 0, from exact
 * values. The zero function counts as degree 0, as the registry writes relu's left piece.
 */
function gridDegree(a: Activation, start: Rational, step: Rational, count: number): number {
  const values = Array.from({ length: count }, (_, i) => exactAt(a, Q(start.n * step.d + BigInt(i) * step.n * start.d, start.d * step.d))!);
  expect(values.every((v) => v !== undefined)).toBe(true);
  const rows = differences(values);
  let degree = 0;
  rows.forEach((r, k) => {
    if (r.some((v) => !qeq(v, ZERO))) degree = k;
  });
  return degree;
}

describe.each(table.map((a) => [a.name, a] as const))('activation %s', (_name, a) => {
  const dNode = a.derivative(z);
  const mf = math.compile(a.mathjs);
  const mdf = math.compile(a.mathjsDerivative);
  const m = (c: typeof mf, x: number): number => Number(c.evaluate({ z: x }));

  it.each(POINTS)('σ′ at z = %d: the derivative node agrees with central differences, mathjs and numericDerivative', (x) => {
    const symbolic = evaluate(dNode, { z: x });
    expectClose(symbolic, centralDiff(a.numeric, x), 1e-7);
    expectClose(symbolic, m(mdf, x), 1e-12);
    expectClose(symbolic, a.numericDerivative(x), 1e-12);
  });

  it.each(POINTS)('σ at z = %d: numeric, the apply node and mathjs agree', (x) => {
    expectClose(a.numeric(x), m(mf, x), 1e-13);
    expectClose(evaluate(a.apply(z), { z: x }), a.numeric(x), 1e-13);
  });

  it('at random points away from 0: the derivative node equals mathjs σ′, and numeric equals mathjs σ (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }).filter((x) => Math.abs(x) > 1e-3), (x) => {
        expectClose(evaluate(dNode, { z: x }), m(mdf, x), 1e-12);
        expectClose(a.numeric(x), m(mf, x), 1e-13);
      }),
    );
  });

  it('exact values at rational points agree with numeric (and are defined for every non-transcendental activation)', () => {
    for (const q of RATIONALS) {
      const v = exactAt(a, q);
      if (a.structure.kind !== 'transcendental') expect(v).toBeDefined();
      if (v !== undefined) expectClose(qtoNumber(v), a.numeric(qtoNumber(q)), 1e-15);
      const dv = evaluateExact(dNode, { z: q });
      if (a.structure.kind === 'polynomial') expect(dv).toBeDefined();
      // σ′ at the breakpoint of a piecewise activation is a convention (H(0) = 0); compare elsewhere.
      if (dv !== undefined && !(a.structure.kind === 'piecewise' && q.n === 0n))
        expectClose(qtoNumber(dv), a.numericDerivative(qtoNumber(q)), 1e-15);
    }
  });

  it('the structure facet matches the function', () => {
    const s = a.structure;
    switch (s.kind) {
      case 'polynomial':
        // d + 3 grid points: differences up to order d + 2, so a wrong degree either way shows.
        expect(gridDegree(a, Q(-3, 2), Q(2, 5), s.degree + 3)).toBe(s.degree);
        return;
      case 'piecewise': {
        const rule = lookupFn(a.name)!;
        if (rule.kind !== 'piecewise') throw new Error(`${a.name} is piecewise but its rule declares no pieces`);
        // the pieces: polynomials of the structure's degrees (left piece first), equal to mathjs's σ on their sides
        expect([polyDegree(expand(rule.pieces.atOrBelow(z))), polyDegree(expand(rule.pieces.above(z)))].map((d) => Math.max(0, d))).toEqual(s.degrees);
        for (const q of RATIONALS) {
          const piece = q.n > 0n ? rule.pieces.above(z) : rule.pieces.atOrBelow(z);
          expectClose(qtoNumber(evaluateExact(piece, { z: q })!), m(mf, qtoNumber(q)), 1e-15);
        }
        expect(s.degrees).toHaveLength(s.pieces);
        expect(s.breakpoints).toHaveLength(s.pieces - 1);
        const edges = [-Infinity, ...s.breakpoints, Infinity];
        for (let k = 0; k < s.pieces; k++) {
          // a grid strictly inside piece k, of length 1
          const lo = Number.isFinite(edges[k]!) ? edges[k]! + 1 / 8 : edges[k + 1]! - 9 / 8;
          expect(gridDegree(a, Q(Math.round(lo * 8), 8), Q(1, 8), s.degrees[k]! + 3)).toBe(s.degrees[k]);
        }
        for (const b of s.breakpoints) {
          // a genuine breakpoint: σ or σ′ differs across it
          const jumpF = Math.abs(a.numeric(b + 1e-9) - a.numeric(b - 1e-9)) > 1e-6;
          const jumpD = Math.abs(a.numericDerivative(b + 1e-6) - a.numericDerivative(b - 1e-6)) > 1e-6;
          expect(jumpF || jumpD).toBe(true);
        }
        return;
      }
      case 'transcendental':
        expect(lookupFn(a.name)?.kind ?? 'transcendental').toBe('transcendental');
        expect(s.reason.length).toBeGreaterThan(0);
        // not a polynomial: no exact value at z = 1 (σ(1), tanh 1, log(1 + e), … are irrational)
        expect(exactAt(a, Q(1))).toBeUndefined();
        return;
    }
  });
});

describe('registry conventions', () => {
  it('H(0) = 0 in every route: exact, numeric, mathjs', () => {
    const h = getActivation('heaviside')!;
    expect(HEAVISIDE_AT_ZERO).toBe(0);
    expect(qtoNumber(exactAt(h, Q(0))!)).toBe(0);
    expect(h.numeric(0)).toBe(0);
    expect(Number(math.evaluate(h.mathjs, { z: 0 }))).toBe(0);
    // hence relu′(0) = 0 and leaky_relu′(0) = 1/100
    expect(qeq(evaluateExact(getActivation('relu')!.derivative(num(0)), {})!, Q(0))).toBe(true);
    expect(qeq(evaluateExact(getActivation('leaky_relu')!.derivative(num(0)), {})!, Q(1, 100))).toBe(true);
  });

  it('the registry names are unique and pow{K} resolves to z^K', () => {
    expect(new Set(ACTIVATIONS.map((a) => a.name)).size).toBe(ACTIVATIONS.length);
    expect(qeq(exactAt(getActivation('pow7')!, Q(-2))!, Q(-128))).toBe(true);
    expect(getActivation('pow1')).toBeUndefined();
    expect(getActivation('nope')).toBeUndefined();
  });
});
