/**
 * Seed 002 (jkmiller's notes, "Neural Networks", Nov 2022) reproduced in the engine: the 3-2-3-4
 * network with the arctan sigmoid σ(z) = arctan(z)/π + ½, loss ½Σ(a^L − a*)², input (1, 1, 1),
 * target (2, 2, 2, 2), weights initialised with `np.zeros` as in its numpy, then random weights.
 *
 * The seed's numpy does not run as printed: the last backprop line uses `sample_data`, which is
 * never defined (it must be `input_data`, the A^0 of the forward pass), and the lists
 * `gradient_activation`, `gradient_bias`, `gradient_weight` are indexed without ever being
 * created. The engine is the snippet with those fixed. Its boxed eq. 22 is also misprinted
 * (∇_B^ℓ = A^{ℓ−1} ⊙ ∇_A^ℓ, where eqs. 7–10 and the numpy give σ′(Z^ℓ) ⊙ ∇_A^ℓ): checked below.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from 'mathjs';
import { all, create } from 'mathjs';
import {
  type EngineParams,
  type NetworkSpec,
  buildNetwork,
  compileMany,
  engineBackprop,
  engineDatasetLoss,
  engineForward,
  engineGradient,
  engineParamNames,
  finiteDifferenceGradient,
  flattenParams,
  grad,
  gradientDescent,
  gradientStep,
  parseSpec,
  randomParams,
  seededRng,
  zeroParams,
} from '../../src/index.js';

const math = create(all!, {});
const spec: NetworkSpec = parseSpec('3-2-3-4:arctan_sigmoid:half');
const sample = { x: [1, 1, 1], y: [2, 2, 2, 2] };
/** The seed's d_sigma at 0: pii/(1 + 0²) = 1/π. */
const dsigma0 = 1 / Math.PI;
const arr = (m: Matrix): number[][] => m.toArray() as number[][];
const fill = (rows: number, cols: number, v: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(v));

/**
 * The loss gradient at p by three independent routes: the engine's backprop, central differences
 * of the engine's loss, and the core's reverse-mode gradient compiled to JS.
 */
function threeRoutes(p: EngineParams): { bp: Float64Array; fd: Float64Array; s: Float64Array } {
  const bp = engineGradient(spec, p, [sample]);
  const fd = finiteDifferenceGradient(spec, p, [sample]);
  const net = buildNetwork(spec);
  const g = grad(net.loss, net.params);
  const sym = compileMany(net.params.map((q) => g.get(q)!), [...net.params, ...net.inputs, ...net.targets]);
  return { bp, fd, s: sym([...flattenParams(spec, p), ...sample.x, ...sample.y]) };
}

describe('seed 002 with zero weights (np.zeros)', () => {
  const p = zeroParams(spec);

  it('the spec is the seed’s: L = 3, n = (3, 2, 3, 4), W^ℓ ∈ M(n_ℓ, n_{ℓ−1}), 33 parameters', () => {
    expect(p.W.map((w) => w.size())).toEqual([[2, 3], [3, 2], [4, 3]]);
    expect(engineParamNames(spec)).toHaveLength(2 * 3 + 2 + 3 * 2 + 3 + 4 * 3 + 4);
  });

  it('every activation is σ(0) = 1/2 and the loss is ½·4·(1/2 − 2)² = 9/2', () => {
    const pass = engineForward(spec, p, sample.x);
    expect(pass.Z.map(arr)).toEqual([fill(2, 1, 0), fill(3, 1, 0), fill(4, 1, 0)]);
    expect(pass.A.map(arr)).toEqual([fill(2, 1, 0.5), fill(3, 1, 0.5), fill(4, 1, 0.5)]);
    expect(engineDatasetLoss(spec, p, [sample])).toBe(4.5);
  });

  it('the gradients the seed’s equations give: only the last layer is nonzero', () => {
    const g = engineBackprop(spec, p, sample);
    // (25) ∇_A^3 = A^3 − A* = −3/2;  (22) ∇_B^3 = σ′(0)·(−3/2) = −3/(2π);  (23) ∇_W^3 = ∇_B^3 ⊗ A^2 = −3/(4π)
    expect(arr(g.A[2]!)).toEqual(fill(4, 1, -1.5));
    arr(g.b[2]!).flat().forEach((v) => expect(v).toBeCloseTo(-1.5 * dsigma0, 15));
    arr(g.W[2]!).flat().forEach((v) => expect(v).toBeCloseTo(-0.75 * dsigma0, 15));
    // (24) ∇_A^2 = (W^3)ᵀ ∇_B^3 = 0 since W^3 = 0, and so everything below vanishes
    for (const l of [0, 1]) {
      arr(g.A[l]!).flat().forEach((v) => expect(Math.abs(v)).toBe(0)); // ±0
      arr(g.b[l]!).flat().forEach((v) => expect(Math.abs(v)).toBe(0)); // ±0
      arr(g.W[l]!).flat().forEach((v) => expect(Math.abs(v)).toBe(0)); // ±0
    }
  });

  it('the same numbers from central differences and from the symbolic gradient', () => {
    const { bp, fd, s } = threeRoutes(p);
    bp.forEach((v, k) => {
      expect(Math.abs(v - fd[k]!)).toBeLessThan(1e-9);
      expect(Math.abs(v - s[k]!)).toBeLessThan(1e-15);
    });
  });

  it('one step with the seed’s γ = 0.001 moves only W^3 and B^3: by +3γ/(4π) and +3γ/(2π)', () => {
    const q = gradientStep(spec, p, [sample], 0.001);
    arr(q.W[2]!).flat().forEach((v) => expect(v).toBeCloseTo((0.003 / 4) * dsigma0, 16));
    arr(q.b[2]!).flat().forEach((v) => expect(v).toBeCloseTo((0.003 / 2) * dsigma0, 16));
    for (const l of [0, 1]) expect([...arr(q.W[l]!).flat(), ...arr(q.b[l]!).flat()].every((v) => v === 0)).toBe(true);
  });

  it('zero initialisation never breaks the symmetry: neurons of a layer stay identical under descent', () => {
    const { params, losses } = gradientDescent(spec, p, [sample], { gamma: 0.05, steps: 200 });
    for (let l = 0; l < 3; l++) {
      const rows = arr(params.W[l]!);
      for (const r of rows) expect(r).toEqual(rows[0]); // identical rows: n_ℓ neurons act as one
      expect(new Set(arr(params.b[l]!).flat()).size).toBe(1);
    }
    expect(arr(params.W[0]!)[0]![0]).not.toBe(0); // the lower layers did start moving
    for (let t = 1; t < losses.length; t++) expect(losses[t]!).toBeLessThanOrEqual(losses[t - 1]!);
    // the target 2 is outside σ's range (0, 1): the loss stays above ½·4·(2 − 1)² = 2
    expect(losses.at(-1)!).toBeGreaterThan(2);
  });
});

describe('seed 002 with random weights', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: backprop = central differences = symbolic reverse-mode gradient', (seed) => {
    const p = randomParams(spec, seededRng(seed), 2);
    const { bp, fd, s } = threeRoutes(p);
    bp.forEach((v, k) => {
      expect(Math.abs(v - fd[k]!)).toBeLessThan(1e-8 * Math.max(1, Math.abs(v)));
      expect(Math.abs(v - s[k]!)).toBeLessThan(1e-12 * Math.max(1, Math.abs(v)));
    });
  });
});

describe('seed 002’s boxed eq. 22 as printed, ∇_B^ℓ = A^{ℓ−1} ⊙ ∇_A^ℓ, is wrong', () => {
  it('on 3-2-3-4 it is not even defined: A^{ℓ−1} and ∇_A^ℓ have different lengths', () => {
    const g = engineBackprop(spec, randomParams(spec, seededRng(9)), sample);
    expect(() => math.dotMultiply(g.pass.A[1]!, g.A[2]!)).toThrow(/dimension/i); // 3 vs 4
  });

  it('where the shapes agree (2-2-2) it disagrees with central differences; σ′(Z^ℓ) ⊙ ∇_A^ℓ agrees', () => {
    const s2 = parseSpec('2-2-2:arctan_sigmoid:half');
    const p = randomParams(s2, seededRng(4));
    const pt = { x: [0.7, -1.2], y: [2, 2] };
    const fd = finiteDifferenceGradient(s2, p, [pt]);
    const names = engineParamNames(s2);
    const fdB2 = [names.indexOf('b2_1'), names.indexOf('b2_2')].map((k) => fd[k]!);
    const g = engineBackprop(s2, p, pt);
    const misprint = (math.dotMultiply(g.pass.A[0]!, g.A[1]!) as Matrix).toArray().flat() as number[];
    const correct = arr(g.b[1]!).flat();
    correct.forEach((v, i) => expect(Math.abs(v - fdB2[i]!)).toBeLessThan(1e-9));
    expect(Math.max(...misprint.map((v, i) => Math.abs(v - fdB2[i]!)))).toBeGreaterThan(1e-2);
  });
});
