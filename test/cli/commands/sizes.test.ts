/**
 * The command line on networks of letter sizes. Oracles: seed 004's text (its parameter count
 * (p + 1)M + 1 + M, its eq. 10.1 and 10.13, its β = W⁽¹⁾W⁽²⁾, β₀ = b⁽¹⁾W⁽²⁾ + b⁽²⁾); the concrete
 * commands' own output at the sizes the letters stand for (the count of `formula 3-4-1 --json`'s
 * params); KaTeX (every formula of the page parses); the one-line refusal rule.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { deriveSymbolicNetwork, evaluateSizePolynomial, parameterCountFormula, parseSizedSpec, type SymbolicSpec } from '../../../src/index.js';
import { cli } from '../../helpers/cli.js';

const symbolic = (t: string): SymbolicSpec => parseSizedSpec(t).spec as SymbolicSpec;

describe('formula with letter widths', () => {
  it("gives seed 004's per-neuron equations, vectorised forms and parameter count", async () => {
    const r = await cli('formula', 'p-M-1:identity:rows', '--notation', 'seed004');
    expect(r.code).toBe(0);
    expect(r.out).toContain('# parameters: M*p + 2*M + 1\n');
    expect(r.out).toContain('h[m] = beta1[0,m] + sum(j = 1..p, beta1[j,m]*x[j]),  m = 1..M\n');
    expect(r.out).toContain('z = beta2[0] + sum(m = 1..M, beta2[m]*h[m])\n');
    // (10.13): H = XW⁽¹⁾ + b⁽¹⁾, Z = HW⁽²⁾ + b⁽²⁾ (σ = identity)
    expect(r.out).toContain('H = X*W1 + b1\nZ = H*W2 + b2\n');
    // (10.18)
    expect(r.out).toContain('beta = W1*W2\nbeta0 = b1*W2 + b2\n');
    expect(r.out).toMatch(/# established by matrix algebra/);
  });

  it('--json: parameterCount is the formula, and at p = 3, M = 4 it counts the params of formula 3-4-1', async () => {
    const r = await cli('formula', 'p-M-1', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { parameterCount: string; parameterCountLatex: string; letters: string[]; neurons: { text: string; latex: string }[] };
    expect(j.parameterCount).toBe('M*p + 2*M + 1');
    expect(j.letters).toEqual(['p', 'M']);
    const concrete = JSON.parse((await cli('formula', '3-4-1', '--json')).out) as { params: string[] };
    expect(evaluateSizePolynomial(parameterCountFormula(symbolic('p-M-1')), { p: 3, M: 4 })).toBe(concrete.params.length);
    for (const e of j.neurons) expect(() => katex.renderToString(e.latex, { throwOnError: true })).not.toThrow();
  });

  it('--notation seed004 renames a concrete formula to β⁽ˡ⁾ⱼₘ', async () => {
    const r = await cli('formula', '2-3-1:identity', '--notation', 'seed004');
    expect(r.code).toBe(0);
    expect(r.out).toContain('beta1_2_3*x2');
    expect(r.out).toContain('beta2_0');
    expect(r.out).not.toMatch(/w\d_/);
  });
});

describe('grad --form backprop with letter widths', () => {
  it('gives δ and ∂L/∂θ per index and as matrices', async () => {
    const r = await cli('grad', 'p-M-1:sigmoid,identity', '--form', 'backprop');
    expect(r.code).toBe(0);
    expect(r.out).toContain('dL/dw1[i,j] = delta1[i]*x[j],  i = 1..M, j = 1..p\n');
    expect(r.out).toContain("delta1 = (W2'*delta2) .* sigmoid'(z1)\n");
    const j = JSON.parse((await cli('grad', 'n0-n1-n2-1:relu,identity', '--form', 'backprop', '--json')).out) as { parameterCount: string; backprop: unknown[] };
    expect(j.parameterCount).toBe('n0*n1 + n1*n2 + n1 + 2*n2 + 1');
    expect(j.backprop.length).toBe(9);
  });

  it('refuses the closed form, and the commands that need numbers, in one line (exit 2)', async () => {
    for (const argv of [
      ['grad', 'p-M-1:identity', '--form', 'closed'],
      ['check', 'p-M-1'],
      ['analyze', 'n0-n1-n2-1:relu,identity'],
      ['expand', 'p-M-1:quadratic'],
      ['collapse', 'p-M-1:identity:rows'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/width '(p|n0)'.* letter/);
      expect(r.err).toMatch(/concrete sizes/);
    }
  });
});

describe('derive with letter widths', () => {
  it('writes a page whose every formula KaTeX parses, with the collapse and how it is established', async () => {
    const d = deriveSymbolicNetwork(symbolic('p-M-1:identity:rows'), 'seed004');
    const maths: string[] = [];
    for (const s of d.steps) {
      if (s.kind === 'display') for (const r of s.rows) maths.push(`${r.lhs} ${r.rel ?? '='} ${r.rhs.join(' ')}`);
      if (s.kind === 'prose' || s.kind === 'note') for (const p of s.parts) if (typeof p !== 'string') maths.push(p.math);
    }
    for (const t of maths) expect(() => katex.renderToString(t, { throwOnError: true }), t).not.toThrow();
    expect(maths).toContain('P = M p + 2 M + 1');
    expect(maths).toContain('h_{m} = \\beta^{(1)}_{0m} + \\sum_{j=1}^{p} \\beta^{(1)}_{jm} x_{j}, \\quad m = 1, \\dots, M');
    expect(maths).toContain('\\boldsymbol{\\beta} = \\mathbf{W}^{(1)} \\mathbf{W}^{(2)}');

    const dir = mkdtempSync(join(tmpdir(), 'sizes-derive-'));
    const r = await cli('derive', 'p-M-1:identity:rows', '--notation', 'seed004', '--out', join(dir, 'p.md'));
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'p.md'), 'utf8');
    expect(md).toContain('How this is established: by matrix algebra');
    expect(md).toContain('(A + B)C = AC + BC');
    const bad = await cli('derive', 'p-M-1', '--data', 'x.csv', '--out', join(dir, 'q.html'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--data needs concrete widths/);
  });
});
