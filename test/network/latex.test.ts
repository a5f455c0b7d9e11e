import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, backpropMatrixLatex, buildNetwork, evaluate, neuronLatex, parseSpec, vectorizedLatex } from '../../src/index.js';
import { math } from '../helpers/oracles.js';

const specs = [
  '1-2-1:quadratic',
  '3-2-1:relu,identity:nobias',
  '3-2-3-4:arctan_sigmoid',
  '3-4-1:identity:rows',
  '2-3-3-1:tanh,relu,identity:rows,half',
  ...ACTIVATIONS.map((a) => `2-2-1:${a.name}`),
];

describe('network equations in LaTeX', () => {
  it.each(specs)('%s: every equation renders in KaTeX', (text) => {
    const s = parseSpec(text);
    for (const tex of [...neuronLatex(s), ...vectorizedLatex(s), ...backpropMatrixLatex(s)])
      expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true })).not.toThrow();
  });

  it('seed 004 (10.13): H = σ(XW⁽¹⁾ + b⁽¹⁾), Z = HW⁽²⁾ + b⁽²⁾, with identity σ', () => {
    expect(vectorizedLatex(parseSpec('3-4-1:identity:rows'))).toMatchInlineSnapshot(`
      [
        "\\mathbf{H} = \\mathbf{X} \\mathbf{W}^{(1)} + \\mathbf{b}^{(1)}",
        "\\mathbf{Z} = \\mathbf{H} \\mathbf{W}^{(2)} + \\mathbf{b}^{(2)}",
        "\\mathbf{X} \\in \\mathbb{R}^{n \\times 3}, \\quad \\mathbf{W}^{(\\ell)} \\in \\mathbb{R}^{n_{\\ell-1} \\times n_{\\ell}}, \\quad W^{(\\ell)}_{j,i} = w^{(\\ell)}_{i,j}",
      ]
    `);
    expect(vectorizedLatex(parseSpec('3-4-1:sigmoid,identity:rows'))[0]).toBe('\\mathbf{H} = \\sigma\\left(\\mathbf{X} \\mathbf{W}^{(1)} + \\mathbf{b}^{(1)}\\right)');
  });

  it('seed 002 (eq. 2): Zˡ = WˡAˡ⁻¹ + Bˡ, Aˡ = σ(Zˡ), written for one point as zˡ = Wˡaˡ⁻¹ + bˡ', () => {
    expect(vectorizedLatex(parseSpec('3-2-3-4:arctan_sigmoid')).slice(0, 2)).toEqual([
      '\\mathbf{z}^{(1)} = \\mathbf{W}^{(1)} \\mathbf{x} + \\mathbf{b}^{(1)}',
      '\\mathbf{a}^{(1)} = \\sigma_{\\arctan}\\left(\\mathbf{z}^{(1)}\\right)',
    ]);
    // the quadratic layer entry by entry: z ⊙ z, not (z)², which would read as a matrix power
    expect(vectorizedLatex(parseSpec('1-2-1:quadratic'))[1]).toBe('\\mathbf{a}^{(1)} = \\mathbf{z}^{(1)} \\odot \\mathbf{z}^{(1)}');
    expect(neuronLatex(parseSpec('3-2-3-4:arctan_sigmoid'))[1]).toBe(
      'a^{(2)}_{i} = \\sigma_{\\arctan}\\left(\\sum_{j=1}^{2} w^{(2)}_{i,j} a^{(1)}_{j} + b^{(2)}_{i}\\right), \\quad i = 1, \\dots, 3',
    );
  });

  it('seed 003: the Jacobian of the ReLU layer is diag(H(z)); backprop uses σ\'(z), not Aˡ⁻¹ (seed 002 eq. 22)', () => {
    expect(backpropMatrixLatex(parseSpec('3-2-1:relu,identity:nobias'))).toMatchInlineSnapshot(`
      [
        "\\boldsymbol{\\delta}^{(2)} = 2\\left(\\mathbf{a}^{(2)} - \\mathbf{y}\\right)",
        "\\frac{\\partial L}{\\partial \\mathbf{W}^{(2)}} = \\boldsymbol{\\delta}^{(2)} \\otimes \\mathbf{a}^{(1)}",
        "\\boldsymbol{\\delta}^{(1)} = \\left(\\left(\\mathbf{W}^{(2)}\\right)^{\\top} \\boldsymbol{\\delta}^{(2)}\\right) \\odot H\\left({\\mathbf{z}^{(1)}}\\right)",
        "\\frac{\\partial \\mathbf{a}^{(1)}}{\\partial \\mathbf{z}^{(1)}} = \\operatorname{diag}\\left(H\\left({\\mathbf{z}^{(1)}}\\right)\\right)",
        "\\frac{\\partial L}{\\partial \\mathbf{W}^{(1)}} = \\boldsymbol{\\delta}^{(1)} \\otimes \\mathbf{x}",
      ]
    `);
  });

  it('the rows layout is the transpose: σ(XW⁽¹⁾ + b⁽¹⁾) computed by mathjs equals the built hidden layer, row by row', () => {
    const s = parseSpec('3-4-1:tanh,identity:rows');
    const net = buildNetwork(s);
    const value = (n: string): number => Math.cos(n.length * 7 + n.charCodeAt(1) * 3 + n.charCodeAt(n.length - 1));
    const params = Object.fromEntries(net.params.map((n) => [n, value(n)]));
    // W⁽¹⁾ is p×M with W⁽¹⁾[j][m] = w1_m_j (the transpose of the layer convention); b⁽¹⁾ is a row.
    const W1 = Array.from({ length: 3 }, (_, j) => Array.from({ length: 4 }, (_, m) => params[`w1_${m + 1}_${j + 1}`]!));
    const b1 = Array.from({ length: 4 }, (_, m) => params[`b1_${m + 1}`]!);
    const X = [
      [0.5, -1, 2],
      [1.5, 0.25, -0.75],
    ];
    const H = (math.add(math.multiply(X, W1), [b1, b1]) as number[][]).map((r) => r.map((z) => math.tanh(z)));
    X.forEach((row, i) => {
      const point = { ...params, x1: row[0]!, x2: row[1]!, x3: row[2]! };
      for (let m = 0; m < 4; m++) expect(evaluate(net.a[0]![m]!, point)).toBeCloseTo(H[i]![m]!, 12);
    });
  });
});
