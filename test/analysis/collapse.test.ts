import { describe, expect, it } from 'vitest';
import { collapse, jacobianAt, jacobianByGradient } from '../../src/analysis/collapse.js';
import { randomPoint } from '../../src/analysis/random.js';
import { rankQ } from '../../src/analysis/linalg.js';
import { linearReport } from '../../src/analysis/analyze.js';
import { diff } from '../../src/diff/forward.js';
import { parse } from '../../src/print/parse.js';
import { evaluateExact } from '../../src/expr/walk.js';
import { qeq } from '../../src/expr/rational.js';
import { buildNetwork } from '../../src/network/build.js';
import { parseSpec } from '../../src/network/parse.js';
import { polyToNode } from '../../src/poly/print.js';
import { verifyIdentity } from '../../src/poly/verify.js';

const net = (s: string) => buildNetwork(parseSpec(s));

describe('collapse: features, parameters, generic rank', () => {
  // Each rank is a known dimension: (a², 2ab, b²) is a 2-dim cone; rank-≤1 2×2 matrices have
  // dimension 3 (+2 intercepts); squares of quadratics g(x)² are 3-dimensional; an affine map of
  // 2 inputs has 3 coefficients; 1-2-1 quadratic with an identity output reaches every quadratic.
  it.each([
    ['1-1:quadratic', 3, 2, 2],
    ['1-1-1:identity', 2, 4, 2],
    ['1-1-1-1:identity', 2, 6, 2],
    ['2-3-1:identity', 3, 13, 3],
    ['2-1-2:identity', 6, 7, 5],
    ['1-2-1:quadratic', 5, 7, 3],
    ['1-2-1:quadratic,identity', 3, 7, 3],
    ['2-2-1:quadratic,identity', 6, 9, 6],
    ['1-2-1:quadratic:nobias', 1, 4, 1],
  ] as const)('%s: K = %i, P = %i, rank = %i', (s, K, P, r) => {
    const c = collapse(net(s));
    expect([c.K, c.P, c.rank]).toEqual([K, P, r]);
    expect(c.filling).toBe(r === K);
  });

  it('seed 000: 1-2-1 with quadratic activations is a quartic in x (degree 4 in x, 6 in θ)', () => {
    const c = collapse(net('1-2-1:quadratic'));
    expect(c.degree).toEqual({ inputs: 4, params: 6 });
    expect(c.features.map((f) => f.monomial)).toEqual(['x1^4', 'x1^3', 'x1^2', 'x1', '1']);
  });

  it("seed 000's expansion of the inner quadratic: its x-coefficient lacks a factor 2 (the corrected one is proved)", () => {
    // θ0 = b2_1, θ1 = w2_1_1, θ10 = b1_1, θ11 = w1_1_1, θ2 = w2_1_2, θ20 = b1_2, θ21 = w1_2_1
    const inner = parse('b2_1 + w2_1_1*(b1_1 + w1_1_1*x1)^2 + w2_1_2*(b1_2 + w1_2_1*x1)^2');
    const seed = parse('(b2_1 + w2_1_1*b1_1^2 + w2_1_2*b1_2^2) + (b1_1*w1_1_1*w2_1_1 + b1_2*w1_2_1*w2_1_2)*x1 + (w2_1_1*w1_1_1^2 + w2_1_2*w1_2_1^2)*x1^2');
    const fixed = parse('(b2_1 + w2_1_1*b1_1^2 + w2_1_2*b1_2^2) + 2*(b1_1*w1_1_1*w2_1_1 + b1_2*w1_2_1*w2_1_2)*x1 + (w2_1_1*w1_1_1^2 + w2_1_2*w1_2_1^2)*x1^2');
    expect(verifyIdentity(inner, seed).holds).toBe(false);
    expect(verifyIdentity(inner, fixed).holds).toBe(true);
    // and the network's output is exactly the square of the corrected form
    expect(verifyIdentity(net('1-2-1:quadratic').outputs[0]!, parse(`(${'(b2_1 + w2_1_1*b1_1^2 + w2_1_2*b1_2^2) + 2*(b1_1*w1_1_1*w2_1_1 + b1_2*w1_2_1*w2_1_2)*x1 + (w2_1_1*w1_1_1^2 + w2_1_2*w1_2_1^2)*x1^2'})^2`)).holds).toBe(true);
  });

  it.each(['1-2-1:quadratic', '2-1-2:identity', '1-1-1:identity', '2-2-1:quadratic,identity', '1-2-2:pow3,identity'])('%s: the Jacobian equals core diff of each coefficient, evaluated exactly', (s) => {
    const c = collapse(net(s));
    const p = randomPoint(c.params, 99);
    const J = jacobianAt(c.features.map((f) => f.coeff), c.params, p);
    c.features.forEach((f, i) => {
      const node = polyToNode(f.coeff);
      c.params.forEach((q, j) => expect(qeq(evaluateExact(diff(node, q), p)!, J[i]![j]!)).toBe(true));
    });
    expect(rankQ(J)).toBeLessThanOrEqual(c.rank);
    // second route: x-coefficients of the reverse-mode gradient ∂f/∂θⱼ at the point
    expect(jacobianByGradient(net(s), c.features, p)).toEqual(J);
  });
});

describe('seed 004: identity networks, β = W⁽¹⁾W⁽²⁾ proved by expansion', () => {
  it.each(['3-2-1:identity:rows', '2-3-1:identity', '1-1-1-1:identity', '2-2-3-1:identity:nobias', '4-2-2:identity:rows'])('%s', (s) => {
    const r = linearReport(net(s));
    expect(r.proved).toBe(true);
    const c = collapse(net(s));
    // linear regression: K = n_L (n_0 + 1) with biases; the redundancy P − rank is reported
    expect(c.degree.inputs).toBe(1);
    expect(c.P - c.rank).toBeGreaterThan(0);
  });
});
