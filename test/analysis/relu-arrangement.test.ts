/**
 * The chambers of the data's arrangement (relu-arrangement.ts) against brute force: every subset
 * S of the data points tested with Fourier–Motzkin (poly/polyhedron.ts) for a u with u·x̃ₚ > 0 on
 * S and < 0 off it; and their number against Cover's function counting theorem, which is an
 * equality for points in general position (checked exactly: every d of the x̃ₚ independent).
 */
import { describe, expect, it } from 'vitest';
import { type Rational, ONE, Q, ZERO, qadd, qmul, qneg, qsign } from '../../src/expr/rational.js';
import { linearFeasibility } from '../../src/poly/polyhedron.js';
import { rankQ } from '../../src/analysis/linalg.js';
import { chambers, coverBound } from '../../src/analysis/relu-arrangement.js';
import { rng } from '../../src/analysis/random.js';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);

function bruteChambers(vs: Rational[][]): string[] {
  const d = vs[0]!.length;
  const vars = Array.from({ length: d }, (_, i) => `u${i}`);
  const out: string[] = [];
  for (let mask = 0; mask < 1 << vs.length; mask++) {
    const gt = vs.map((v, p) => ({ coeffs: mask & (1 << p) ? v : v.map(qneg), constant: ZERO }));
    if (linearFeasibility(vars, [], gt).feasible) out.push(vs.flatMap((_, p) => (mask & (1 << p) ? [p] : [])).join(','));
  }
  return out.sort();
}

function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k), ...subsets(n - 1, k - 1).map((s) => [...s, n - 1])];
}

const generalPosition = (vs: Rational[][]): boolean => {
  const d = vs[0]!.length;
  return subsets(vs.length, Math.min(d, vs.length)).every((s) => rankQ(s.map((i) => vs[i]!)) === Math.min(d, vs.length));
};

function randomPoints(seed: number, N: number, n0: number, bias: boolean): Rational[][] {
  const r = rng(seed);
  return Array.from({ length: N }, () => [...Array.from({ length: n0 }, () => Q(Math.floor(r() * 21) - 10)), ...(bias ? [ONE] : [])]);
}

describe('chambers of the data arrangement', () => {
  it.each([
    [1, 5, true],
    [2, 6, true],
    [2, 7, true],
    [3, 6, true],
    [2, 5, false],
    [3, 6, false],
  ])('%i inputs, %i points in general position, bias %s: the chambers are exactly the realisable on-sets, as many as Cover\'s bound', (n0, N, bias) => {
    let seed = 100 * n0 + N;
    let vs = randomPoints(seed, N, n0, bias);
    while (!generalPosition(vs)) vs = randomPoints(++seed, N, n0, bias);
    const a = chambers(vs);
    expect(a.chambers.length).toBe(Number(coverBound(N, vs[0]!.length)));
    expect(a.chambers.map((c) => c.on.join(',')).sort()).toEqual(bruteChambers(vs));
    // every witness is strictly inside its chamber
    for (const c of a.chambers) vs.forEach((v, p) => expect(qsign(dot(v, c.witness))).toBe(c.on.includes(p) ? 1 : -1));
  });

  it('degenerate data (repeated and collinear points, x = 0 without bias): still exactly the realisable on-sets, fewer than the bound', () => {
    const vs = [[0, 0], [1, 0], [2, 0], [1, 0], [0, 1], [1, 1]].map((r) => r.map((v) => Q(v)));
    const withBias = vs.map((v) => [...v, ONE]);
    const a = chambers(withBias);
    expect(a.chambers.map((c) => c.on.join(',')).sort()).toEqual(bruteChambers(withBias));
    expect(a.chambers.length).toBeLessThan(Number(coverBound(6, 3)));
    // without a bias the point (0, 0) is off for every weight vector
    const b = chambers(vs);
    expect(b.alwaysOff).toEqual([0]);
    expect(b.chambers.map((c) => c.on.join(',')).sort()).toEqual(bruteChambers(vs.slice(1)).map((s) => s.split(',').filter((t) => t !== '').map((t) => Number(t) + 1).join(',')).sort());
  });

  it('Cover\'s bound: textbook values', () => {
    expect(coverBound(4, 3)).toBe(14n); // 4 points in the plane, lines: 2(1 + 3 + 3)
    expect(coverBound(3, 3)).toBe(8n); // N ≤ d: all 2^N dichotomies
    expect(coverBound(10, 2)).toBe(20n); // points on a line: 2N thresholds
  });
});
