/**
 * Linear regions of two-input ReLU networks (relu-regions.ts) against independent routes:
 * - brute force over every activation pattern of every hidden unit: the inputs giving that
 *   pattern are a system of strict linear inequalities in x (the earlier layers' pieces fixed),
 *   decided by Fourier–Motzkin (poly/polyhedron.ts) inside the open box; the feasible patterns
 *   must be exactly the regions found;
 * - the polygons tile the box: their exact areas add up to the box's;
 * - at random rational inputs, the region containing the point (exact test) has an affine
 *   function whose value equals the numeric engine's forward pass (mathjs);
 * - the count is at most Zaslavsky's / Serra–Tjandraatmadja–Ramalingam's bound, whose values
 *   are checked against textbook cases ((n + 1)^L for one input, lines in general position).
 */
import { describe, expect, it } from 'vitest';
import { type Rational, Q, ZERO, qadd, qcmp, qmul, qneg, qsign, qsub, qtoNumber } from '../../src/expr/rational.js';
import { linearFeasibility } from '../../src/poly/polyhedron.js';
import { LEAKY_SLOPE } from '../../src/activations/leaky_relu.js';
import { parameterNames, weightName, biasName } from '../../src/network/build.js';
import { parseSpec } from '../../src/network/parse.js';
import type { NetworkSpec } from '../../src/network/spec.js';
import { engineOutputs } from '../../src/numeric/engine.js';
import { paramsFromPoint } from '../../src/numeric/params.js';
import { randomPoint, rng, randomRational } from '../../src/analysis/random.js';
import { type Affine, type Box, type LinearRegion, linearRegions, regionBound } from '../../src/analysis/relu-regions.js';

const BOX: Box = { lo: [Q(-2), Q(-2)], hi: [Q(2), Q(3)] };

function brutePatterns(spec: NetworkSpec, point: ReadonlyMap<string, Rational>, box: Box): string[] {
  const hidden = spec.widths.slice(1, -1);
  const total = hidden.reduce((a, b) => a + b, 0);
  const out: string[] = [];
  for (let mask = 0; mask < 1 << total; mask++) {
    let bit = 0;
    let act: Affine[] = [[Q(1), ZERO, ZERO], [ZERO, Q(1), ZERO]];
    const gt: { coeffs: Rational[]; constant: Rational }[] = [
      { coeffs: [Q(1), ZERO], constant: qneg(box.lo[0]) },
      { coeffs: [qneg(Q(1)), ZERO], constant: box.hi[0] },
      { coeffs: [ZERO, Q(1)], constant: qneg(box.lo[1]) },
      { coeffs: [ZERO, qneg(Q(1))], constant: box.hi[1] },
    ];
    const pattern: number[][] = [];
    let ok = true;
    hidden.forEach((n, l) => {
      const alpha = spec.activations[l] === 'relu' ? ZERO : LEAKY_SLOPE;
      const next: Affine[] = [];
      const on: number[] = [];
      for (let i = 0; i < n; i++) {
        let g: Affine = [ZERO, ZERO, spec.bias[l] ? point.get(biasName(l + 1, i + 1))! : ZERO];
        act.forEach((a, j) => {
          const c = point.get(weightName(l + 1, i + 1, j + 1))!;
          g = [qadd(g[0], qmul(c, a[0])), qadd(g[1], qmul(c, a[1])), qadd(g[2], qmul(c, a[2]))];
        });
        const isOn = (mask >> bit++) & 1;
        const zero = qsign(g[0]) === 0 && qsign(g[1]) === 0 && qsign(g[2]) === 0;
        if (isOn && zero) ok = false;
        if (!zero) gt.push(isOn ? { coeffs: [g[0], g[1]], constant: g[2] } : { coeffs: [qneg(g[0]), qneg(g[1])], constant: qneg(g[2]) });
        if (isOn) on.push(i + 1);
        next.push(isOn ? g : [qmul(alpha, g[0]), qmul(alpha, g[1]), qmul(alpha, g[2])]);
      }
      pattern.push(on);
      act = next;
    });
    if (ok && linearFeasibility(['x1', 'x2'], [], gt).feasible) out.push(pattern.map((s) => s.join(',')).join('|'));
  }
  return out.sort();
}

const key = (r: LinearRegion): string => r.pattern.map((s) => s.join(',')).join('|');

/** Is the point inside the convex polygon (counter-clockwise), strictly? */
function inside(poly: readonly (readonly [Rational, Rational])[], x: readonly [Rational, Rational]): boolean {
  return poly.every((a, i) => {
    const b = poly[(i + 1) % poly.length]!;
    return qsign(qsub(qmul(qsub(b[0], a[0]), qsub(x[1], a[1])), qmul(qsub(b[1], a[1]), qsub(x[0], a[0])))) > 0;
  });
}

describe('linear regions of two-input ReLU networks', () => {
  it('|x1| + |x2| from four units: the four quadrants of [−1, 1]², four different affine pieces', () => {
    const spec = parseSpec('2-4-1:relu,identity:nobias');
    const p: Record<string, Rational> = {};
    [[1, 0], [-1, 0], [0, 1], [0, -1]].forEach(([a, b], i) => {
      p[weightName(1, i + 1, 1)] = Q(a!);
      p[weightName(1, i + 1, 2)] = Q(b!);
      p[weightName(2, 1, i + 1)] = Q(1);
    });
    const r = linearRegions(spec, p, { lo: [Q(-1), Q(-1)], hi: [Q(1), Q(1)] });
    expect(r.regions).toHaveLength(4);
    expect(r.pieces).toBe(4);
    for (const g of r.regions) expect(g.area).toEqual(Q(1));
  });

  it('a unit with output weight 0: two activation regions, one linear piece', () => {
    const spec = parseSpec('2-1-1:relu,identity');
    const r = linearRegions(spec, { w1_1_1: Q(1), w1_1_2: Q(0), b1_1: Q(0), w2_1_1: Q(0), b2_1: Q(3) }, BOX);
    expect(r.regions).toHaveLength(2);
    expect(r.pieces).toBe(1);
  });

  it.each([
    ['2-3-1:relu,identity', 1],
    ['2-3-1:relu,identity', 2],
    ['2-4-1:leaky_relu,identity', 3],
    ['2-2-2-1:relu,relu,identity', 4],
    ['2-3-2-1:relu,relu,identity', 5],
    ['2-3-3-1:relu,leaky_relu,identity', 6],
    ['2-2-2-2-1:relu,relu,relu,identity', 7],
  ])('%s at random point %i: regions = brute force over patterns, tile the box, agree with the engine, within the bound', (s, seed) => {
    const spec = parseSpec(s);
    const names = parameterNames(spec);
    const point = randomPoint(names, seed);
    const rec = Object.fromEntries(point);
    const r = linearRegions(spec, rec, BOX);
    expect(r.regions.map(key).sort()).toEqual(brutePatterns(spec, point, BOX));
    expect(r.regions.reduce((a, g) => qadd(a, g.area), ZERO)).toEqual(Q(20));
    expect(BigInt(r.regions.length)).toBeLessThanOrEqual(r.bound);
    expect(r.pieces).toBeLessThanOrEqual(r.regions.length);
    const params = paramsFromPoint(spec, Object.fromEntries(names.map((n) => [n, qtoNumber(point.get(n)!)])));
    const g = rng(100 + seed);
    let checked = 0;
    for (let k = 0; k < 60; k++) {
      const x: [Rational, Rational] = [qmul(randomRational(g, 20, 10), Q(1, 10)), qadd(qmul(randomRational(g, 25, 10), Q(1, 10)), Q(1, 2))];
      if (qcmp(x[0], BOX.lo[0]) <= 0 || qcmp(x[0], BOX.hi[0]) >= 0 || qcmp(x[1], BOX.lo[1]) <= 0 || qcmp(x[1], BOX.hi[1]) >= 0) continue;
      const home = r.regions.filter((reg) => inside(reg.polygon, x));
      if (home.length !== 1) continue; // on a boundary
      const f = home[0]!.affine[0]!;
      const exact = qadd(qadd(qmul(f[0], x[0]), qmul(f[1], x[1])), f[2]);
      expect(engineOutputs(spec, params, [qtoNumber(x[0]), qtoNumber(x[1])])[0]).toBeCloseTo(qtoNumber(exact), 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('the bounds: Zaslavsky for one layer, Serra–Tjandraatmadja–Ramalingam for deeper (textbook values)', () => {
    expect(regionBound(2, [3])).toBe(7n); // 3 lines in general position
    expect(regionBound(2, [4])).toBe(11n);
    expect(regionBound(1, [2, 2])).toBe(9n); // one input: (n + 1)^L, exact (Serra et al.)
    expect(regionBound(1, [3, 3, 3])).toBe(64n);
    // a width-1 layer is a bottleneck: j₁ = 0 allows j₂ ≤ 1 (1 + 5), j₁ = 1 allows j₂ = 0 (1)
    expect(regionBound(2, [1, 5])).toBe(7n);
    expect(regionBound(3, [2])).toBe(4n); // fewer units than inputs: 2^n
  });
});
