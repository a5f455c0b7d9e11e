import { describe, expect, it } from 'vitest';
import { cayleyOrthogonal, eqQ, matMulQ, matPowQ, transpose } from '../../src/analysis/linalg.js';
import { randomPoint } from '../../src/analysis/random.js';
import { linearDelta, symmetricPowerCheck } from '../../src/analysis/recursion.js';
import { Q } from '../../src/expr/rational.js';
import { evaluateExact, freeSymbols } from '../../src/expr/walk.js';
import { verifyIdentity } from '../../src/poly/verify.js';

describe('seed 001: δⁿ = (Wⁿ⁺¹)ᵀ⋯(Wᵐ)ᵀ δᵐ for linear networks', () => {
  it.each([
    [[2, 3, 2], 0, false],
    [[2, 2, 2, 2], 0, false],
    [[3, 2, 4, 1], 1, false],
    [[2, 2, 2, 2], 0, true],
    [[3, 3, 3], 0, true],
    [[2, 2, 2, 2, 2], 1, true],
  ] as const)('widths %j, n = %i, tied %s: reverse-mode gradient equals the closed form', (w, n, tied) => {
    const d = linearDelta(w, n, tied);
    // proved: the difference expands to the zero polynomial
    d.fromGradient.forEach((g, i) => expect(verifyIdentity(g, d.closedForm[i]!)).toMatchObject({ holds: true, method: 'polynomial identity' }));
  });

  it('tied weights: the transfer matrix is (Wᵀ)^{m−n} = (W^{m−n})ᵀ (checked at a rational W)', () => {
    const d = linearDelta([2, 2, 2, 2], 0, true);
    const p = randomPoint(freeSymbols(...d.transfer.flat()), 5);
    const W = [[p.get('w1_1_1')!, p.get('w1_1_2')!], [p.get('w1_2_1')!, p.get('w1_2_2')!]];
    const T = d.transfer.map((r) => r.map((e) => evaluateExact(e, p)!));
    expect(eqQ(T, matPowQ(transpose(W), 3))).toBe(true);
    expect(eqQ(T, transpose(matPowQ(W, 3)))).toBe(true);
  });

  it.each([1, 2, 3, 5])('symmetric W = R D Rᵀ: (Wᵀ)^k = R D^k Rᵀ and the seed orientation SᵀD^kS with S = Rᵀ (k = %i)', (k) => {
    const R2 = cayleyOrthogonal([[Q(0), Q(1, 2)], [Q(-1, 2), Q(0)]]);
    const c2 = symmetricPowerCheck(R2, [Q(2), Q(-1, 3)], k);
    expect(c2.columnsForm && c2.seedForm).toBe(true);
    expect(eqQ(c2.W, transpose(c2.W))).toBe(true);
    const R3 = cayleyOrthogonal([[Q(0), Q(1), Q(1, 3)], [Q(-1), Q(0), Q(2)], [Q(-1, 3), Q(-2), Q(0)]]);
    const c3 = symmetricPowerCheck(R3, [Q(3), Q(1, 2), Q(-2)], k);
    expect(c3.columnsForm && c3.seedForm).toBe(true);
  });

  it('the seed comment drops δᵐ: (W^{m−n})ᵀ alone is a matrix, δⁿ is a vector', () => {
    const d = linearDelta([2, 2, 2], 0, true);
    expect(d.transfer.length).toBe(2);
    expect(d.transfer[0]!.length).toBe(2);
    expect(d.fromGradient.length).toBe(2);
    // a non-symmetric W has no orthogonal R with W = RᵀDR: RᵀDR is always symmetric
    const R = cayleyOrthogonal([[Q(0), Q(1, 2)], [Q(-1, 2), Q(0)]]);
    const M = matMulQ(matMulQ(transpose(R), [[Q(2), Q(0)], [Q(0), Q(5)]]), R);
    expect(eqQ(M, transpose(M))).toBe(true);
  });
});
