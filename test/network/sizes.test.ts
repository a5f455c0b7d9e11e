/**
 * Networks of general sizes. The oracle of every form is the concrete pipeline at the same sizes:
 * the symbolic equations instantiated at p, M ∈ {1, 2, 3} must give exactly the nodes that
 * buildNetwork and backpropEquations build, and the closed gradient that the reverse sweep
 * (gradientEquations) computes; the parameter-count polynomial must equal parameterCount of the
 * concrete spec; seed 004's names are checked against the numeric engine by perturbing one weight.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Node,
  Q,
  type Rational,
  buildNetwork,
  backpropEquations,
  closeEquations,
  engineForward,
  evaluateExact,
  expand,
  gradientEquations,
  paramsFromPoint,
  parameterCount,
  parseSpec,
  polyEqual,
  readSpec,
  specFromJson,
  sub,
  substitute,
  sym,
} from '../../src/index.js';
import { instantiateEquation, instantiateScalar, instantiateSpec, printIndexed } from '../../src/network/indexed.js';
import { instantiateMatrix, instantiateMatrixEquations, type Matrix } from '../../src/network/matrices.js';
import { parseSizedSpec, readSizedSpec, sizedSpecFromJson } from '../../src/network/parse.js';
import { evaluateSizePolynomial, formatSizePolynomial, parameterCountFormula, seed004Names, symbolicModel } from '../../src/network/sizes.js';
import type { SymbolicSpec } from '../../src/network/spec.js';

const symbolic = (text: string): SymbolicSpec => {
  const s = parseSizedSpec(text);
  if (s.kind !== 'symbolic') throw new Error(`${text} is concrete`);
  return s.spec;
};

const SIZES: { p: number; M: number }[] = [];
for (const p of [1, 2, 3]) for (const M of [1, 2, 3]) SIZES.push({ p, M });

const SPECS = ['p-M-1:identity', 'p-M-1:sigmoid,identity', 'p-M-1:relu,identity:half', 'p-M-1:quadratic:rows', 'p-M-1:tanh,identity:nobias', 'p-M-2:identity:rows'];

describe('letter widths in specs', () => {
  it('reads letters as a symbolic spec, numbers as a concrete one, in the compact form and in JSON', () => {
    expect(symbolic('p-M-1').widths).toEqual(['p', 'M', 1]);
    expect(symbolic('n0-n1-n2-1:relu,identity').widths).toEqual(['n0', 'n1', 'n2', 1]);
    expect(parseSizedSpec('3-4-1').kind).toBe('concrete');
    const j = sizedSpecFromJson({ widths: ['p', 'M', 1], activations: ['identity'], convention: 'rows' });
    expect(j.kind === 'symbolic' && j.spec.widths).toEqual(['p', 'M', 1]);
    expect(readSizedSpec('{"widths": ["p", 3, 1]}').kind).toBe('symbolic');
  });

  it('the concrete readers refuse a letter in one line that names it and suggests sizes', () => {
    expect(() => parseSpec('p-M-1')).toThrow(/width 'p' of p-M-1 is a letter.*e\.g\. 2-3-1/);
    expect(() => readSpec('p-M-M-1')).toThrow(/e\.g\. 2-3-3-1/);
    expect(() => specFromJson({ widths: ['p', 'M', 1] })).toThrow(/width 'p'.*is a letter/);
    for (const text of ['p-M-1', 'n0-n1-n2-1']) {
      try {
        parseSpec(text);
      } catch (e) {
        expect(String((e as Error).message)).not.toContain('\n');
      }
    }
  });

  it('refuses reserved names and malformed letters', () => {
    expect(() => parseSizedSpec('j-M-1')).toThrow(/'j' is an index or a name the equations use/);
    expect(() => parseSizedSpec('p-x-1')).toThrow(/reserved/);
    expect(() => parseSizedSpec('p-1a-1')).toThrow(/positive integers or letters/);
    expect(() => parseSizedSpec('p-abcdefghi-1')).toThrow(/positive integers or letters/);
    expect(() => sizedSpecFromJson({ widths: ['p', 'n', 1] })).toThrow(/reserved/);
  });
});

describe('the parameter count as a formula', () => {
  it("is seed 004's (p+1)M + M + 1 for p-M-1, written M*p + 2*M + 1", () => {
    const terms = parameterCountFormula(symbolic('p-M-1'));
    expect(formatSizePolynomial(terms)).toBe('M*p + 2*M + 1');
    expect(formatSizePolynomial(terms, true)).toBe('M p + 2 M + 1');
    expect(formatSizePolynomial(parameterCountFormula(symbolic('p-M-M-1:identity:nobias')))).toBe('M^2 + M*p + M');
  });

  it('equals parameterCount of the concrete spec at every size (fast-check)', () => {
    const pool = ['p', 'M', 'K', 'n0', 'n1'];
    const width = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...pool));
    fc.assert(
      fc.property(
        fc.array(width, { minLength: 2, maxLength: 5 }),
        fc.record({ p: fc.integer({ min: 1, max: 9 }), M: fc.integer({ min: 1, max: 9 }), K: fc.integer({ min: 1, max: 9 }), n0: fc.integer({ min: 1, max: 9 }), n1: fc.integer({ min: 1, max: 9 }) }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (widths, sizes, biasFlags) => {
          const bias = widths.slice(1).map((_, i) => biasFlags[i]!);
          const s = sizedSpecFromJson({ widths, bias });
          const concrete = s.kind === 'concrete' ? s.spec : specFromJson({ widths: instantiateSpec(s.spec, sizes).widths, bias });
          const formula = s.kind === 'symbolic' ? parameterCountFormula(s.spec) : parameterCountFormula(s.spec);
          expect(evaluateSizePolynomial(formula, sizes)).toBe(parameterCount(concrete));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The concrete network of a symbolic spec at given sizes. */
const concreteNet = (spec: SymbolicSpec, sizes: Record<string, number>) => buildNetwork(specFromJson({ ...instantiateSpec(spec, sizes) }));

/** Exact equality of two nodes: the same interned node, or equal as polynomials after expansion. */
function same(a: Node, b: Node): boolean {
  if (a === b) return true;
  return polyEqual(expand(a), expand(b));
}

describe('the symbolic model instantiated agrees exactly with the concrete pipeline', () => {
  for (const text of SPECS)
    for (const notation of ['standard', 'seed004'] as const)
      it(`${text} (${notation}) at p, M ∈ {1, 2, 3}`, () => {
        const model = symbolicModel(symbolic(text), notation);
        const spec = model.spec;
        for (const sizes of SIZES) {
          const net = concreteNet(spec, sizes);
          const eqs = backpropEquations(net);
          const byLhs = new Map(eqs.map((e) => [`${e.kind === 'grad' ? 'grad' : 'def'}:${e.lhs}`, e.rhs]));
          // per-neuron z and a: the same interned nodes as backpropEquations builds
          let forward = 0;
          for (const eq of model.forward)
            for (const [lhs, rhs] of instantiateEquation(eq, spec, sizes)) {
              expect(rhs).toBe(byLhs.get(`def:${lhs}`));
              forward++;
            }
          expect(forward).toBe(eqs.filter((e) => e.kind === 'z' || e.kind === 'a').length);
          // δ and ∂L/∂θ per index: the same nodes, one equation per parameter
          let backward = 0;
          for (const eq of model.backprop)
            for (const [lhs, rhs] of instantiateEquation(eq, spec, sizes)) {
              expect(rhs).toBe(byLhs.get(`${eq.kind === 'grad' ? 'grad' : 'def'}:${lhs}`));
              backward++;
            }
          expect(backward).toBe(eqs.filter((e) => e.kind === 'delta' || e.kind === 'grad').length);
          // the combined neuron equations, closed by substitution, are buildNetwork's activations
          const env = new Map<string, Node>();
          for (const eq of model.neurons)
            for (const [lhs, rhs] of instantiateEquation(eq, spec, sizes)) env.set(lhs, substitute(rhs, env));
          net.a.forEach((layer, l) => layer.forEach((a, i) => expect(env.get(`a${l + 1}_${i + 1}`)).toBe(a)));
        }
      });

  it('the index-form backprop, closed, is the reverse sweep of the loss (gradientEquations), exactly', () => {
    for (const text of ['p-M-1:identity', 'p-M-1:quadratic,identity:half', 'p-M-2:relu,identity:rows']) {
      const model = symbolicModel(symbolic(text));
      for (const sizes of SIZES) {
        const net = concreteNet(model.spec, sizes);
        const eqs = [...model.forward, ...model.backprop].flatMap((eq) =>
          instantiateEquation(eq, model.spec, sizes).map(([lhs, rhs]) => ({ kind: eq.kind, lhs, rhs, layer: eq.layer })),
        );
        const closed = closeEquations(eqs);
        const reverse = gradientEquations(net);
        // exact values at a rational point (relu is exact at rationals; nodes may differ in arrangement)
        const point: Record<string, Rational> = {};
        let k = 1;
        for (const name of [...net.params, ...net.inputs, ...net.targets]) point[name] = Q(BigInt(((k * 37) % 11) - 5), BigInt((k++ % 4) + 1));
        for (const p of net.params) expect(evaluateExact(closed.get(p)!, point)).toEqual(evaluateExact(reverse.get(p)!, point));
      }
    }
  });

  const entries = (m: Matrix): Node[] => m.flat();

  for (const text of SPECS)
    it(`${text}: z = f(x) and Z = f(X) (no Σ, no loop) give the network's outputs`, () => {
      for (const notation of ['standard', 'seed004'] as const) {
        const model = symbolicModel(symbolic(text), notation);
        for (const sizes of SIZES) {
          const net = concreteNet(model.spec, sizes);
          const units = instantiateMatrixEquations(model.units, model.spec, sizes, 1);
          expect(entries(units.at(-1)!.rhs)).toEqual(net.outputs);
          // three data points as the rows of X: row i is the network at x{j}_{i}
          const data = instantiateMatrixEquations(model.data, model.spec, sizes, 3);
          const Z = data.at(-1)!.rhs;
          expect(Z.length).toBe(3);
          for (let i = 1; i <= 3; i++) {
            const at = new Map(net.inputs.map((x) => [x, sym(`${x}_${i}`)]));
            Z[i - 1]!.forEach((z, k) => expect(same(z, substitute(net.outputs[k]!, at))).toBe(true));
          }
        }
      }
    });

  for (const text of SPECS)
    it(`${text}: the matrix backprop gives backpropEquations' δ and ∂L/∂θ entry by entry`, () => {
      const model = symbolicModel(symbolic(text));
      for (const sizes of SIZES) {
        const net = concreteNet(model.spec, sizes);
        const byLhs = new Map(backpropEquations(net).map((e) => [e.lhs, e.rhs]));
        let n = 0;
        for (const { lhs, rhs } of instantiateMatrixEquations(model.backpropMatrix, model.spec, sizes, 1))
          lhs.forEach((row, r) =>
            row.forEach((name, c) => {
              expect(name.kind).toBe('sym');
              expect(rhs[r]![c]).toBe(byLhs.get((name as { name: string }).name));
              n++;
            }),
          );
        // every δ and every parameter
        expect(n).toBe(net.params.length + net.z.flat().length);
      }
    });
});

describe('identity networks: β = W⁽¹⁾W⁽²⁾, β₀ = b⁽¹⁾W⁽²⁾ + b⁽²⁾ by matrix algebra', () => {
  it('says how it is established: matrix identities, no size fixed', () => {
    const c = symbolicModel(symbolic('p-M-1:identity:rows'), 'seed004').collapse!;
    expect(c.how).toMatch(/^by matrix algebra/);
    expect(c.blocks.at(-1)!.rows.map((r) => r.rule)).toEqual([expect.stringMatching(/^definition/), '(A + B)C = AC + BC', '(AB)C = A(BC), and the sum regrouped']);
    expect(symbolicModel(symbolic('p-M-1:sigmoid,identity')).collapse).toBeUndefined();
  });

  for (const text of ['p-M-1:identity:rows', 'p-M-1:identity', 'p-M-M-1:identity:rows', 'p-M-2:identity:nobias'])
    it(`${text}: every line of the derivation, instantiated, is the concrete network's layer; β and β₀ read off the outputs`, () => {
      const model = symbolicModel(symbolic(text));
      const rows = model.spec.convention === 'rows';
      const c = model.collapse!;
      for (const sizes of SIZES) {
        const net = concreteNet(model.spec, sizes);
        c.blocks.forEach((block, l) => {
          const want = net.a[l]!;
          for (const row of block.rows) {
            const m = instantiateMatrix(row.expr, model.spec, sizes, 1);
            const got = rows ? m[0]! : m.map((r) => r[0]!);
            expect(got.length).toBe(want.length);
            got.forEach((g, i) => expect(same(g, want[i]!)).toBe(true));
          }
        });
        // f_k = Σⱼ βⱼₖ xⱼ + β₀ₖ: β₀ₖ is f_k at x = 0, βⱼₖ is f_k(eⱼ) − f_k(0) (f is affine in x)
        const beta = instantiateMatrix(c.beta, model.spec, sizes, 1);
        const beta0 = c.beta0 === undefined ? undefined : instantiateMatrix(c.beta0, model.spec, sizes, 1);
        const zeroNode = instantiateScalar({ kind: 'num', value: 0 }, model.spec, sizes);
        const oneNode = instantiateScalar({ kind: 'num', value: 1 }, model.spec, sizes);
        for (let k = 0; k < net.outputs.length; k++) {
          const f = net.outputs[k]!;
          // f at x = e_j (j = -1: at x = 0)
          const at = (j: number): Node => substitute(f, new Map(net.inputs.map((x, i) => [x, i === j ? oneNode : zeroNode])));
          const b0 = beta0 === undefined ? zeroNode : rows ? beta0[0]![k]! : beta0[k]![0]!;
          expect(same(at(-1), b0)).toBe(true);
          for (let j = 0; j < net.inputs.length; j++) expect(same(sub(at(j), b0), rows ? beta[j]![k]! : beta[k]![j]!)).toBe(true);
        }
      }
    });
});

describe("seed 004's notation", () => {
  it('names a concrete 2-3-1 network so that β⁽¹⁾ⱼₘ multiplies xⱼ in unit m (the numeric engine, one weight perturbed)', () => {
    const spec = parseSpec('2-3-1:sigmoid,identity:rows');
    const names = seed004Names(spec);
    const base: Record<string, number> = {};
    net231Params(spec).forEach((p, i) => (base[p] = 0.1 * (i + 1) - 0.7));
    const x = [0.6, -1.3];
    const f0 = engineForward(spec, paramsFromPoint(spec, base), x);
    const eps = 1e-3;
    for (const [param, seedName] of names) {
      const moved = engineForward(spec, paramsFromPoint(spec, { ...base, [param]: base[param]! + eps }), x);
      const hidden = /^beta1_(\d+)_(\d+)$/.exec(seedName);
      const out = /^beta2_(\d+)$/.exec(seedName);
      if (hidden) {
        // β⁽¹⁾ⱼₘ: only unit m's argument moves, by ε·xⱼ (ε when j = 0, the offset)
        const j = Number(hidden[1]);
        const m = Number(hidden[2]);
        const z0 = (f0.Z[0]!.toArray() as number[][]).map((r) => r[0]!);
        const z1 = (moved.Z[0]!.toArray() as number[][]).map((r) => r[0]!);
        z1.forEach((v, i) => expect(v - z0[i]!).toBeCloseTo(i + 1 === m ? eps * (j === 0 ? 1 : x[j - 1]!) : 0, 12));
      } else if (out) {
        // β⁽²⁾ₘ multiplies h_m in the output (β⁽²⁾₀ the offset)
        const m = Number(out[1]);
        const h = (f0.A[0]!.toArray() as number[][]).map((r) => r[0]!);
        const dz = (moved.A[1]!.toArray() as number[][])[0]![0]! - (f0.A[1]!.toArray() as number[][])[0]![0]!;
        expect(dz).toBeCloseTo(eps * (m === 0 ? 1 : h[m - 1]!), 12);
      } else throw new Error(`unexpected name ${seedName}`);
    }
    expect(names.size).toBe(parameterCount(spec));
  });

  it('prints the symbolic model with the names of the seed, at concrete widths the same as the renaming', () => {
    const model = symbolicModel(symbolic('p-M-1:identity:rows'), 'seed004');
    const neuron = model.neurons.map((e) => printIndexed(e.rhs, model.spec, 'seed004', true));
    expect(neuron[0]).toBe('\\beta^{(1)}_{0m} + \\sum_{j=1}^{p} \\beta^{(1)}_{jm} x_{j}');
    expect(neuron[1]).toBe('\\beta^{(2)}_{0} + \\sum_{m=1}^{M} \\beta^{(2)}_{m} h_{m}');
    // the concrete 2-3-1: β⁽¹⁾ⱼₘ is the weight w⁽¹⁾ₘⱼ, at every j, m
    const names = seed004Names(parseSpec('2-3-1:identity:rows'));
    for (let m = 1; m <= 3; m++)
      for (let j = 1; j <= 2; j++) {
        const latex = printIndexed({ kind: 'w', l: 1, to: m, from: j }, { ...model.spec, widths: [2, 3, 1] }, 'seed004', true);
        expect(latex).toBe(`\\beta^{(1)}_{${j}${m}}`);
        expect(names.get(`w1_${m}_${j}`)).toBe(`beta1_${j}_${m}`);
      }
  });
});

function net231Params(spec: ReturnType<typeof parseSpec>): string[] {
  return buildNetwork(spec).params as string[];
}
