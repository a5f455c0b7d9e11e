import { describe, expect, it } from 'vitest';
import { taylorPolynomial, taylorSurrogate } from '../../src/analysis/taylor.js';
import { AnalysisError } from '../../src/analysis/errors.js';
import { Q } from '../../src/expr/rational.js';
import { evaluate } from '../../src/expr/walk.js';
import { buildNetwork } from '../../src/network/build.js';
import { parseSpec } from '../../src/network/parse.js';

describe('Taylor surrogate', () => {
  it('textbook series at 0: σ(z) = 1/2 + z/4 − z³/48 + z⁵/480, tanh z = z − z³/3 + 2z⁵/15', () => {
    expect(taylorPolynomial('sigmoid', 5, Q(0))).toEqual({ coeffs: [Q(1, 2), Q(1, 4), Q(0), Q(-1, 48), Q(0), Q(1, 480)], exact: true });
    expect(taylorPolynomial('tanh', 5, Q(0))).toEqual({ coeffs: [Q(0), Q(1), Q(0), Q(-1, 3), Q(0), Q(2, 15)], exact: true });
    // arctan(z)/π + 1/2: derivatives at 0 are 1/π, … — irrational, so rounded and flagged
    expect(taylorPolynomial('arctan_sigmoid', 3, Q(0)).exact).toBe(false);
  });

  it('the surrogate is polynomial and close to the network near the expansion point', () => {
    const net = buildNetwork(parseSpec('1-2-1:tanh,identity'));
    const s = taylorSurrogate(net, 5);
    const pt = { x1: 0.1, w1_1_1: 0.3, w1_2_1: -0.2, b1_1: 0.05, b1_2: 0.1, w2_1_1: 0.7, w2_1_2: -0.4, b2_1: 0.2 };
    // |z| ≤ 0.13 here, so the error of the order-5 series is below z⁷·17/315 ≈ 3·10⁻⁸
    expect(Math.abs(evaluate(s.net.outputs[0]!, pt) - evaluate(net.outputs[0]!, pt))).toBeLessThan(1e-7);
    expect(s.polynomials.tanh!.text).toBe('1*z - 1/3*z^3 + 2/15*z^5');
  });

  it('refuses orders out of range with a typed error', () => {
    const net = buildNetwork(parseSpec('1-1:sigmoid'));
    expect(() => taylorSurrogate(net, 0)).toThrow(AnalysisError);
    expect(() => taylorSurrogate(net, 40)).toThrow(/out of range/);
  });
});
