import { describe, expect, it } from 'vitest';
import { isLinearSpec, linearCollapse } from '../../src/analysis/linear.js';
import { linearReport } from '../../src/analysis/analyze.js';
import { randomPoint } from '../../src/analysis/random.js';
import { type Node, sym } from '../../src/expr/node.js';
import { evaluateExact, freeSymbols } from '../../src/expr/walk.js';
import { qeq } from '../../src/expr/rational.js';
import { toText } from '../../src/print/text.js';
import { buildNetwork } from '../../src/network/build.js';
import { parseSpec } from '../../src/network/parse.js';

/** f ≡ g as polynomials, by exact evaluation at random rational points (Schwartz–Zippel). */
function agreeAtRandomPoints(f: Node, g: Node, trials = 5): boolean {
  const names = freeSymbols(f, g);
  for (let s = 1; s <= trials; s++) {
    const p = randomPoint(names, 1000 + s);
    if (!qeq(evaluateExact(f, p)!, evaluateExact(g, p)!)) return false;
  }
  return true;
}

describe('identity networks collapse to linear regression', () => {
  it.each(['1-1-1', '2-3-1', '3-2-2', '1-1-1-1', '2-2-3-1', '2-1-2'])('%s: f = βx + β₀ for every output (network formula as oracle)', (w) => {
    for (const opt of ['', ':nobias', ':rows']) {
      const spec = parseSpec(`${w}:identity${opt}`);
      const net = buildNetwork(spec);
      const c = linearCollapse(spec);
      expect(isLinearSpec(spec)).toBe(true);
      expect(c.beta.length).toBe(spec.widths.at(-1));
      expect(c.beta[0]!.length).toBe(spec.widths[0]);
      net.outputs.forEach((f, k) => expect(agreeAtRandomPoints(f, c.affine[k]!)).toBe(true));
      expect(linearReport(net).proved).toBe(true);
    }
  });

  it('seed 004 (10.18), rows convention: β = W⁽¹⁾W⁽²⁾, β₀ = b⁽¹⁾W⁽²⁾ + b⁽²⁾', () => {
    const c = linearCollapse(parseSpec('3-2-1:identity:rows'));
    expect(c.matrixForm.startsWith('\\boldsymbol{\\beta} = \\mathbf{W}^{(1)}\\mathbf{W}^{(2)}, \\quad \\beta_0 = \\mathbf{b}^{(1)}\\mathbf{W}^{(2)} + \\mathbf{b}^{(2)}')).toBe(true);
    // (10.14): β_j = Σ_m β_m^{(2)} β_{jm}^{(1)}, β₀ = β₀^{(2)} + Σ_m β_m^{(2)} β_{0m}^{(1)}, in our names
    expect(toText(c.beta[0]![1]!)).toBe('w1_1_2*w2_1_1 + w1_2_2*w2_1_2');
    expect(toText(c.beta0[0]!)).toBe('b2_1 + b1_1*w2_1_1 + b1_2*w2_1_2');
  });

  it('layer convention prints the transposed form W⁽²⁾W⁽¹⁾ and W⁽²⁾b⁽¹⁾ + b⁽²⁾', () => {
    expect(linearCollapse(parseSpec('3-2-1:identity')).matrixForm.startsWith('\\boldsymbol{\\beta} = \\mathbf{W}^{(2)}\\mathbf{W}^{(1)}, \\quad \\boldsymbol{\\beta}_0 = \\mathbf{W}^{(2)}\\mathbf{b}^{(1)} + \\mathbf{b}^{(2)}')).toBe(true);
    expect(linearCollapse(parseSpec('1-1-1-1:identity')).matrixForm.startsWith('\\boldsymbol{\\beta} = \\mathbf{W}^{(3)}\\mathbf{W}^{(2)}\\mathbf{W}^{(1)}, \\quad \\boldsymbol{\\beta}_0 = \\mathbf{W}^{(3)}\\mathbf{W}^{(2)}\\mathbf{b}^{(1)} + \\mathbf{W}^{(3)}\\mathbf{b}^{(2)} + \\mathbf{b}^{(3)}')).toBe(true);
  });

  it('without biases the intercept is 0', () => {
    const c = linearCollapse(parseSpec('2-2-1:identity:nobias'));
    expect(c.beta0.map(toText)).toEqual(['0']);
    expect(c.affine[0]).toBe(c.affine[0]); // interned
    expect(freeSymbols(c.affine[0]!)).not.toContain('b1_1');
    expect(sym('x1')).toBe(sym('x1'));
  });
});
