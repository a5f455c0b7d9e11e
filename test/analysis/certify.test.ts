/**
 * Certified types of critical points: the inertia of symmetric matrices (exact and in intervals)
 * against Sylvester's law on matrices built as CᵀDC and against the numeric engine's eigenvalues;
 * types at points whose index is known by hand; the census systems' certified types against the
 * numeric engine's; coordinates whose enclosures contain the known values.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../../src/node/index.js';
import { type Rational, Q } from '../../src/expr/rational.js';
import { inertia, rationalInertia } from '../../src/poly/inertia.js';
import { symmetricEigenvalues } from '../../src/numeric/train.js';
import { certifyRational, certifyType, hessianAtRational, hessianFromGradient, intervalArithmetic, pointDecimals } from '../../src/analysis/certify.js';
import { criticalPoints } from '../../src/analysis/critical.js';
import { ivFromRational, ivHull } from '../../src/groebner/interval.js';
import { isolateRealRoots } from '../../src/groebner/realroots.js';
import { buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';

const qm = (rows: number[][]): Rational[][] => rows.map((r) => r.map((x) => Q(x)));
/** CᵀDC over Q: its inertia is D's sign counts for every invertible C (Sylvester). */
function congruent(d: readonly number[], C: readonly (readonly number[])[]): Rational[][] {
  const n = d.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += C[k]![i]! * d[k]! * C[k]![j]!;
      return Q(s);
    }),
  );
}
/** Unit upper-triangular times a permutation: invertible by construction. */
function invertible(n: number, entries: readonly number[], perm: readonly number[]): number[][] {
  const U = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : j > i ? entries[(i * n + j) % entries.length]! : 0)));
  return perm.map((p) => U[p]!);
}
const signs = (d: readonly number[]) => ({ positive: d.filter((x) => x > 0).length, negative: d.filter((x) => x < 0).length, zero: d.filter((x) => x === 0).length });

describe('inertia by symmetric elimination', () => {
  it('Sylvester: CᵀDC has the sign counts of D (random D with zeros, random invertible C)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n * n, maxLength: n * n }), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
        ),
        ([d, e, perm]) => {
          const A = congruent(d, invertible(d.length, e, perm));
          expect(rationalInertia(A)).toEqual(signs(d));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the numeric engine’s eigenvalues on random nonsingular symmetric matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n * n, maxLength: n * n }).map((e) => ({ n, e }))), ({ n, e }) => {
        const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => e[Math.min(i, j) * n + Math.max(i, j)]!));
        const ev = symmetricEigenvalues(A);
        fc.pre(ev.every((v) => Math.abs(v) > 1e-6));
        expect(rationalInertia(qm(A))).toEqual(signs(ev));
      }),
      { numRuns: 300 },
    );
  });

  it('[[0, b], [b, 0]] needs a 2×2 pivot: one positive, one negative', () => {
    expect(rationalInertia(qm([[0, 5], [5, 0]]))).toEqual({ positive: 1, negative: 1, zero: 0 });
    expect(rationalInertia(qm([[0, 0, 1], [0, 0, 0], [1, 0, 0]]))).toEqual({ positive: 1, negative: 1, zero: 1 });
  });

  it('in intervals: narrow enclosures of a nonsingular matrix give its inertia; a singular one is undecided', () => {
    const widen = (A: Rational[][], bits: number) => A.map((r) => r.map((x) => ivHull(ivFromRational(x, bits), ivFromRational(Q(x.n * (1n << BigInt(bits)) + 1n, x.d << BigInt(bits)), bits))));
    const A = congruent([2, -1, 3, -5], invertible(4, [1, -2, 3, 1], [2, 0, 3, 1]));
    expect(inertia(widen(A, 60), intervalArithmetic(120))).toEqual({ positive: 2, negative: 2, zero: 0 });
    const S = congruent([2, 0, -1], invertible(3, [1, 2, -1], [1, 2, 0]));
    expect(rationalInertia(S)).toEqual({ positive: 1, negative: 1, zero: 1 });
    expect(inertia(widen(S, 60), intervalArithmetic(120))).toBeUndefined();
  });
});

/** The gradient system of a network's unregularised loss on a data set, with its variables. */
function gradientSystem(spec: string, csv: string) {
  const net = buildNetwork(parseSpec(spec));
  const cp = criticalPoints(net, readCsv(csv, net.spec), { kind: 'none' }, { millis: 1 });
  return { vars: net.params, H: hessianFromGradient(cp.system, net.params) };
}

describe('types known by hand', () => {
  it('the origin of 1-1-1:identity:nobias is a strict saddle: H = [[0, −2Σxy], [−2Σxy, 0]]', () => {
    const { vars, H } = gradientSystem('1-1-1:identity:nobias', 'x1,y1\n1,1\n2,3\n'); // Σxy = 7
    const zero = vars.map(() => Q(0));
    expect(hessianAtRational(H, zero)).toEqual(qm([[0, -14], [-14, 0]]));
    expect(certifyRational(H, zero)).toMatchObject({ type: 'saddle', certainty: 'exact', inertia: { positive: 1, negative: 1, zero: 0 } });
  });

  it('the origin of 1-1-1-1:identity:nobias is degenerate: every second derivative of (w₃w₂w₁x − y)² vanishes there', () => {
    const { vars, H } = gradientSystem('1-1-1-1:identity:nobias', 'x1,y1\n1,1\n2,3\n');
    const c = certifyRational(H, vars.map(() => Q(0)));
    expect(c).toMatchObject({ type: 'degenerate', certainty: 'exact', inertia: { positive: 0, negative: 0, zero: 3 } });
  });

  // L(x) = x⁴/4 − x²: ∇L = x³ − 2x, critical points 0 and ±√2, L″ = 3x² − 2
  const H1 = hessianFromGradient([{ vars: ['x'], terms: [{ exps: [3], coeff: Q(1) }, { exps: [1], coeff: Q(-2) }] }], ['x']);
  const sqrt2 = isolateRealRoots([-2n, 0n, 1n]);
  it('x⁴/4 − x²: ±√2 are minima (L″ = 4, proved in intervals), 0 is a maximum (exactly)', () => {
    for (const root of sqrt2) {
      const c = certifyType(H1, { f: [-2n, 0n, 1n], root, num: [[Q(0), Q(1)]] });
      expect(c.type).toMatchObject({ type: 'minimum', certainty: 'interval', inertia: { positive: 1, negative: 0, zero: 0 } });
    }
    expect(certifyRational(H1, [Q(0)]).type).toBe('maximum');
  });

  it('a Hessian that vanishes at an irrational point is degenerate, and said to be unproved', () => {
    // ∇L = x³/3 − 2x (L″ = x² − 2, zero at √2): intervals can never exclude 0
    const H = hessianFromGradient([{ vars: ['x'], terms: [{ exps: [3], coeff: Q(1, 3) }, { exps: [1], coeff: Q(-2) }] }], ['x']);
    const c = certifyType(H, { f: [-2n, 0n, 1n], root: sqrt2[1]!, num: [[Q(0), Q(1)]] }, 512);
    expect(c.type).toMatchObject({ type: 'degenerate', certainty: 'unproved', bits: 512 });
    expect(c.type.reason).toMatch(/not proved/);
  });

  it('coordinates to any number of digits: the enclosure contains √2 and the decimal is its correct rounding', () => {
    const d = pointDecimals({ f: [-2n, 0n, 1n], root: sqrt2[1]!, num: [[Q(0), Q(1)], [Q(1), Q(0), Q(0)]], den: [Q(0), Q(2)] }, 40);
    // x = α/(2α) = 1/2 exactly in value, y = 1/(2α) = √2/4
    expect(d.certain).toBe(true);
    expect(d.values[0]).toBe('0.5000000000000000000000000000000000000000');
    expect(d.values[1]).toBe('0.3535533905932737622004221810524245196424'); // √2/4 to 40 places (Python's decimal)
    const [lo, hi] = d.enclosure[1]!;
    expect(Number(lo)).toBeLessThanOrEqual(Math.SQRT2 / 4);
    expect(Number(hi)).toBeGreaterThanOrEqual(Math.SQRT2 / 4);
  });
});

describe('census systems: certified types agree with the numeric engine wherever its eigenvalues are clear', () => {
  const ROWS: [string, string][] = [
    ['1-1-1:identity', 'x1,y1\n0,1\n1,3\n2,4\n'],
    ['2-2-2:identity:nobias', 'x1,x2,y1,y2\n2,-3,1,4\n'],
    ['1-2-1:quadratic,identity:nobias', 'x1,y1\n2,-3\n'],
    ['1-2-2-1:identity:nobias', 'x1,y1\n2,-3\n'],
  ];
  it.each(ROWS)('%s with generic L2', (spec, csv) => {
    const net = buildNetwork(parseSpec(spec));
    const cp = criticalPoints(net, readCsv(csv, net.spec), { kind: 'generic', seed: 1 }, { millis: 120_000 });
    expect(cp.status).toBe('solved');
    const real = cp.realSolutions!;
    expect(real.length).toBeGreaterThan(0);
    for (const r of real) {
      expect(r.certainty).not.toBe('unproved');
      expect(r.type).toBe(r.engineType);
      expect(r.index).toBe(r.eigenvalues.filter((v) => v < 0).length);
      expect(r.gradientNorm).toBeLessThan(1e-8);
      // the 12-place decimal is within half a unit in its last place of the enclosure
      for (const p of Object.keys(r.point)) {
        if (r.enclosure[p]![0] === r.enclosure[p]![1]) {
          expect(r.point[p]).toBe(r.enclosure[p]![0]); // an exact rational coordinate
          continue;
        }
        const [lo, hi] = r.enclosure[p]!.map(Number) as [number, number];
        expect(hi - lo).toBeLessThan(1e-13);
        expect(Math.abs(Number(r.point[p]) - (lo + hi) / 2)).toBeLessThanOrEqual(0.5e-12 + 1e-13);
      }
    }
    // a sum of squares plus a positive L2 term is coercive: the global minimum is among the points
    expect(real[0]!.type).toBe('minimum');
  });
});

/**
 * Zero coordinates are decided exactly. At the critical points of (2,2,2) deep linear (generic L2,
 * one data point) where a hidden unit is switched off, its incoming and outgoing weights vanish;
 * those coordinates are printed as `0` (exact) although α is irrational. Independent check by
 * exact substitution: with exactly those coordinates set to 0, the gradient components of the
 * same coordinates are the zero polynomial (a dead unit receives no gradient), and the numeric
 * engine's gradient vanishes at the point with the zeros exact.
 */
describe('zero coordinates of real critical points are exact', () => {
  it('(2,2,2): the dead units of the saddles and minima are 0 exactly', () => {
    const net = buildNetwork(parseSpec('2-2-2:identity:nobias'));
    const cp = criticalPoints(net, readCsv('x1,x2,y1,y2\n2,-3,1,4\n', net.spec), { kind: 'generic', seed: 1 });
    expect(cp.status).toBe('solved');
    const params = net.params;
    let zeros = 0;
    let irrationalWithZeros = 0;
    for (const r of cp.realSolutions!) {
      const z = params.filter((p) => r.point[p] === '0');
      zeros += z.length;
      if (z.length > 0 && z.length < params.length) irrationalWithZeros++;
      for (const p of z) expect(r.enclosure[p]).toEqual(['0', '0']);
      // every other coordinate is away from 0 (its enclosure excludes it)
      for (const p of params.filter((q) => !z.includes(q))) {
        const [lo, hi] = r.enclosure[p]!.map(Number);
        expect(lo! > 0 || hi! < 0).toBe(true);
      }
      // exact substitution: the zero coordinates' own gradient components vanish identically
      const idx = z.map((p) => params.indexOf(p));
      for (const i of idx) {
        const g = cp.system[i]!;
        const left = g.terms.filter((t) => !t.exps.some((e, k) => e > 0 && z.includes(g.vars[k]!)));
        expect(left).toEqual([]);
      }
      expect(r.gradientNorm).toBeLessThan(1e-8);
    }
    expect(irrationalWithZeros).toBeGreaterThan(0);
    expect(zeros).toBeGreaterThan(params.length);
  });
});
