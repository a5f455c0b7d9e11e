/**
 * The model of a network of general sizes (`p-M-1`, `n0-n1-n2-1`), as data: per-neuron equations
 * with indexed sums (seed 004 eq. 10.1), the vectorised forms over units and over data points
 * (§10.2–10.3), the backprop equations in index and matrix form, the parameter count as a
 * polynomial in the letters, and — for identity activations — the collapse to linear regression
 * derived by matrix algebra (§10.4, alternative 2), each step one matrix identity valid for all
 * conformable sizes.
 *
 * Every form here instantiates at concrete sizes into core nodes (indexed.ts, matrices.ts); the
 * tests compare those with buildNetwork, backpropEquations and gradientEquations of the same
 * concrete spec.
 */
import { biasName, weightName } from './build.js';
import { type IEquation, type IExpr, type Notation, type Size } from './indexed.js';
import { M, type MEquation, type MExpr } from './matrices.js';
import { SpecError } from './parse.js';
import type { SymbolicSpec } from './spec.js';

/** One term c·∏ letters of a polynomial in the sizes. */
export interface SizeTerm {
  readonly coefficient: number;
  /** letters, sorted, with repetition (`['M', 'M']` is M²) */
  readonly letters: readonly string[];
}

/** The model of a symbolic-size network; see the file header. */
export interface SymbolicModel {
  readonly spec: SymbolicSpec;
  readonly notation: Notation;
  /** the distinct letters, in order of first appearance */
  readonly letters: readonly string[];
  readonly parameterCount: readonly SizeTerm[];
  /** z and a per layer (standard names; seed 004's prints z as q and a as h) */
  readonly forward: readonly IEquation[];
  /** a⁽ˡ⁾ = σ(linear) in one equation per layer, as seed 004's (10.1) writes it */
  readonly neurons: readonly IEquation[];
  /** one data point, no Σ: seed 004's (10.8) in `rows`, seed 002's eq. 2 in `layer` */
  readonly units: readonly MEquation[];
  /** n data points as the rows of X, no loop: seed 004's (10.13) */
  readonly data: readonly MEquation[];
  /** δ and ∂L/∂θ per index */
  readonly backprop: readonly IEquation[];
  /** δ and ∂L/∂W, ∂L/∂b as matrices, one data point */
  readonly backpropMatrix: readonly MEquation[];
  /** identity activations only: the derivation of β and β₀ */
  readonly collapse?: IdentityCollapse;
}

/** One derivation block: `lhs = rows[0] = rows[1] …`, each row with the identity it uses. */
export interface CollapseBlock {
  readonly lhs: MExpr;
  readonly rows: readonly { readonly expr: MExpr; readonly rule: string }[];
}

/** β and β₀ of an identity network, derived layer by layer. */
export interface IdentityCollapse {
  readonly blocks: readonly CollapseBlock[];
  /** β (rows: n0 × nL; layer: its transpose βᵀ, nL × n0) */
  readonly beta: MExpr;
  /** β₀, absent without biases */
  readonly beta0?: MExpr;
  /** how it is established, one sentence */
  readonly how: string;
}

/** Index letters of seed 004's notation, by layer: inputs j, hidden m, r, s, t, u, v, outputs k. */
const SEED004_HIDDEN = ['m', 'r', 's', 't', 'u', 'v'];

/**
 * The parameter count Σ_ℓ n_ℓ(n_{ℓ−1} + [bias_ℓ]) as a polynomial in the letters, terms by
 * degree (highest first) then by their letters; numbers multiply out.
 *
 * @example
 * ```ts
 * formatSizePolynomial(parameterCountFormula(parseSizedSpec('p-M-1').spec as SymbolicSpec)); // 'M*p + 2*M + 1'
 * ```
 */
export function parameterCountFormula(spec: SymbolicSpec): SizeTerm[] {
  const terms = new Map<string, { c: number; letters: string[] }>();
  const addTerm = (c: number, factors: readonly Size[]): void => {
    let coef = c;
    const letters: string[] = [];
    for (const f of factors) {
      if (typeof f === 'number') coef *= f;
      else letters.push(f);
    }
    letters.sort();
    const key = letters.join('*');
    const t = terms.get(key) ?? { c: 0, letters };
    t.c += coef;
    terms.set(key, t);
  };
  for (let l = 1; l < spec.widths.length; l++) {
    addTerm(1, [spec.widths[l]!, spec.widths[l - 1]!]);
    if (spec.bias[l - 1]) addTerm(1, [spec.widths[l]!]);
  }
  return [...terms.values()]
    .filter((t) => t.c !== 0)
    .sort((a, b) => b.letters.length - a.letters.length || (a.letters.join('*') < b.letters.join('*') ? -1 : a.letters.join('*') > b.letters.join('*') ? 1 : 0))
    .map((t) => ({ coefficient: t.c, letters: t.letters }));
}

/**
 * A size polynomial as text (`M*p + 2*M + 1`) or LaTeX (`M p + 2 M + 1`).
 *
 * @example
 * ```ts
 * formatSizePolynomial([{ coefficient: 2, letters: ['M'] }, { coefficient: 1, letters: [] }], true); // '2 M + 1'
 * ```
 */
export function formatSizePolynomial(terms: readonly SizeTerm[], latex = false): string {
  if (terms.length === 0) return '0';
  const sep = latex ? ' ' : '*';
  const power = (letters: readonly string[]): string[] => {
    // M·M → M^2 (letters are sorted, so equal letters are adjacent)
    const out: string[] = [];
    for (let i = 0; i < letters.length; ) {
      let k = i;
      while (k < letters.length && letters[k] === letters[i]) k++;
      out.push(k - i === 1 ? letters[i]! : latex ? `${letters[i]}^{${k - i}}` : `${letters[i]}^${k - i}`);
      i = k;
    }
    return out;
  };
  return terms
    .map((t) => {
      const ls = power(t.letters);
      if (ls.length === 0) return String(t.coefficient);
      return [...(t.coefficient === 1 ? [] : [String(t.coefficient)]), ...ls].join(sep);
    })
    .join(' + ');
}

/**
 * The value of a size polynomial at concrete sizes.
 *
 * @example
 * ```ts
 * evaluateSizePolynomial([{ coefficient: 1, letters: ['M', 'p'] }, { coefficient: 2, letters: ['M'] }, { coefficient: 1, letters: [] }], { p: 3, M: 4 }); // 21
 * ```
 */
export function evaluateSizePolynomial(terms: readonly SizeTerm[], sizes: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const t of terms) {
    let v = t.coefficient;
    for (const l of t.letters) {
      const s = sizes[l];
      if (s === undefined) throw new SpecError(`no concrete size for the letter ${l}`);
      v *= s;
    }
    total += v;
  }
  return total;
}

/**
 * The model of a network of general sizes in a notation (`seed004` implies the `rows` layout of
 * the exercise, W⁽ˡ⁾ of shape n_{l−1} × n_l).
 *
 * @example
 * ```ts
 * const model = symbolicModel(parseSizedSpec('p-M-1:sigmoid,identity').spec as SymbolicSpec);
 * formatSizePolynomial(model.parameterCount); // 'M*p + 2*M + 1'
 * ```
 */
export function symbolicModel(specIn: SymbolicSpec, notation: Notation = 'standard'): SymbolicModel {
  const spec: SymbolicSpec = notation === 'seed004' ? { ...specIn, convention: 'rows' } : specIn;
  const L = spec.widths.length - 1;
  if (notation === 'seed004' && L - 1 > SEED004_HIDDEN.length)
    throw new SpecError(`seed 004's notation names at most ${SEED004_HIDDEN.length} hidden layers (${SEED004_HIDDEN.join(', ')}); this network has ${L - 1}`);
  const letters = [...new Set(spec.widths.filter((w): w is string => typeof w === 'string'))];
  const width = (l: number): Size => spec.widths[l]!;
  // The index running over the units of layer l in an equation for layer `at` (standard: i for
  // the layer itself, j below, k above; seed 004: one letter per layer). A layer of width 1 has
  // the fixed index 1 and no range.
  const ix = (l: number, at: number): string | number => {
    if (width(l) === 1) return 1;
    if (notation === 'seed004') return l === 0 ? 'j' : l === L ? 'k' : SEED004_HIDDEN[l - 1]!;
    return l === at ? 'i' : l < at ? 'j' : 'k';
  };
  const range = (l: number, at: number): { index: string; upper: Size }[] => {
    const i = ix(l, at);
    return typeof i === 'string' ? [{ index: i, upper: width(l) }] : [];
  };
  const sumOver = (l: number, at: number, body: IExpr): IExpr => {
    const i = ix(l, at);
    return typeof i === 'string' ? { kind: 'sum', index: i, upper: width(l), body } : body;
  };

  const forward: IEquation[] = [];
  const neurons: IEquation[] = [];
  for (let l = 1; l <= L; l++) {
    const i = ix(l, l);
    const j = ix(l - 1, l);
    const sum = sumOver(l - 1, l, { kind: 'mul', factors: [{ kind: 'w', l, to: i, from: j }, { kind: 'a', l: l - 1, i: j }] });
    // seed 004 writes the offset first (β₀ₘ + Σⱼ βⱼₘ xⱼ), the layer convention last (Σⱼ wᵢⱼ aⱼ + bᵢ)
    const lin: IExpr = !spec.bias[l - 1] ? sum : spec.convention === 'rows' ? { kind: 'add', terms: [{ kind: 'b', l, to: i }, sum] } : { kind: 'add', terms: [sum, { kind: 'b', l, to: i }] };
    forward.push({ kind: 'z', layer: l, lhs: { kind: 'z', l, i }, rhs: lin, ranges: range(l, l) });
    forward.push({ kind: 'a', layer: l, lhs: { kind: 'a', l, i }, rhs: { kind: 'act', l, d: false, arg: { kind: 'z', l, i } }, ranges: range(l, l) });
    neurons.push({ kind: 'a', layer: l, lhs: { kind: 'a', l, i }, rhs: { kind: 'act', l, d: false, arg: lin }, ranges: range(l, l) });
  }

  const backprop: IEquation[] = [];
  const two = spec.loss === 'half-squared' ? [] : [{ kind: 'num', value: 2 } as const];
  for (let l = L; l >= 1; l--) {
    const i = ix(l, l);
    const upstream: IExpr =
      l === L
        ? { kind: 'mul', factors: [...two, { kind: 'minus', a: { kind: 'a', l: L, i }, b: { kind: 'y', k: i } }] }
        : sumOver(l + 1, l, { kind: 'mul', factors: [{ kind: 'w', l: l + 1, to: ix(l + 1, l), from: i }, { kind: 'delta', l: l + 1, i: ix(l + 1, l) }] });
    // σ'(z) first, then the Σ: a Σ extends to the right (δᵢ = σ'(zᵢ) Σₖ wₖᵢ δₖ)
    backprop.push({ kind: 'delta', layer: l, lhs: { kind: 'delta', l, i }, rhs: { kind: 'mul', factors: [{ kind: 'act', l, d: true, arg: { kind: 'z', l, i } }, upstream] }, ranges: range(l, l) });
    const j = ix(l - 1, l);
    backprop.push({
      kind: 'grad',
      layer: l,
      lhs: { kind: 'w', l, to: i, from: j },
      rhs: { kind: 'mul', factors: [{ kind: 'delta', l, i }, { kind: 'a', l: l - 1, i: j }] },
      ranges: [...range(l, l), ...range(l - 1, l)],
    });
    if (spec.bias[l - 1]) backprop.push({ kind: 'grad', layer: l, lhs: { kind: 'b', l, to: i }, rhs: { kind: 'delta', l, i }, ranges: range(l, l) });
  }

  return {
    spec,
    notation,
    letters,
    parameterCount: parameterCountFormula(spec),
    forward,
    neurons,
    units: unitForms(spec, notation),
    data: dataForms(spec, notation),
    backprop,
    backpropMatrix: backpropMatrixForms(spec, notation),
    ...(spec.activations.every((a) => a === 'identity') ? { collapse: identityCollapse(spec, notation) } : {}),
  };
}

/** The printed letter of layer l's activations: x below, h (h⁽ˡ⁾) hidden, the output f (seed 004: z). */
function activationVar(spec: SymbolicSpec, notation: Notation, l: number, batch: boolean): MExpr {
  const L = spec.widths.length - 1;
  const up = (s: string): string => (batch ? s.toUpperCase() : s);
  if (l === 0) return M.v(batch ? 'X' : 'x', 0, up('x'));
  if (l === L) return M.v('def', 0, up(notation === 'seed004' ? 'z' : 'f'));
  const name = spec.convention === 'rows' || notation === 'seed004' ? 'h' : 'a';
  return M.v('def', spec.convention === 'rows' && L === 2 ? 0 : l, up(name));
}

/** One data point: `rows` h = σ(W⁽¹⁾ᵀx + b⁽¹⁾ᵀ) (seed 004 eq. 10.8), `layer` a⁽ˡ⁾ = σ(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾). */
function unitForms(spec: SymbolicSpec, notation: Notation): MEquation[] {
  const L = spec.widths.length - 1;
  const out: MEquation[] = [];
  for (let l = 1; l <= L; l++) {
    const W = M.v('W', l, 'W');
    const b = M.v('b', l, 'b');
    const prev = activationVar(spec, notation, l - 1, false);
    const lin = spec.convention === 'rows' ? M.mm(M.T(W), prev) : M.mm(W, prev);
    const withBias = spec.bias[l - 1] ? M.plus(lin, spec.convention === 'rows' ? M.T(b) : b) : lin;
    out.push({ lhs: activationVar(spec, notation, l, false), rhs: M.act(l, false, withBias) });
  }
  return out;
}

/**
 * n data points as the rows of X (seed 004 eq. 10.13): H = σ(XW⁽¹⁾ + b⁽¹⁾), b a row added to every
 * row (broadcasting); in the `layer` layout A⁽ˡ⁾ = σ(A⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ), the transpose of its eq. 2 stacked.
 */
function dataForms(spec: SymbolicSpec, notation: Notation): MEquation[] {
  const L = spec.widths.length - 1;
  const out: MEquation[] = [];
  for (let l = 1; l <= L; l++) {
    const W = M.v('W', l, 'W');
    const b = M.v('b', l, 'b');
    const prev = activationVar(spec, notation, l - 1, true);
    const rows = spec.convention === 'rows';
    const lin = M.mm(prev, rows ? W : M.T(W));
    const withBias = spec.bias[l - 1] ? M.plus(lin, rows ? b : M.T(b)) : lin;
    out.push({ lhs: activationVar(spec, notation, l, true), rhs: M.act(l, false, withBias) });
  }
  return out;
}

/**
 * Backprop for one data point with δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ as a column:
 *   δ⁽ᴸ⁾ = 2(a⁽ᴸ⁾ − y) ⊙ σ'(z⁽ᴸ⁾)   (½-loss: without the 2),
 *   δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ σ'(z⁽ˡ⁾)   (`rows`: W⁽ˡ⁺¹⁾ δ⁽ˡ⁺¹⁾, W being the transpose),
 *   ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ (`rows`: a⁽ˡ⁻¹⁾ δ⁽ˡ⁾ᵀ),  ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾ (`rows`: δ⁽ˡ⁾ᵀ).
 * The ⊙ σ' factor is left out where σ' ≡ 1 (identity).
 */
function backpropMatrixForms(spec: SymbolicSpec, notation: Notation): MEquation[] {
  const L = spec.widths.length - 1;
  const rows = spec.convention === 'rows';
  const seed = notation === 'seed004';
  // seed 004 prints h and z without a layer for one hidden layer, as its (10.8) does
  const a = (l: number): MExpr => (l === 0 ? M.v('a', 0, 'x') : seed ? M.v('a', l, l === L ? 'z' : 'h', l === L || L === 2) : M.v('a', l, 'a'));
  const z = (l: number): MExpr => M.v('z', l, seed ? 'q' : 'z');
  const d = (l: number): MExpr => M.v('delta', l, '\\delta');
  const out: MEquation[] = [];
  for (let l = L; l >= 1; l--) {
    const upstream = l === L ? (spec.loss === 'half-squared' ? M.minus(a(L), M.v('y', 0, 'y')) : M.scale(2, M.minus(a(L), M.v('y', 0, 'y')))) : M.mm(rows ? M.v('W', l + 1, 'W') : M.T(M.v('W', l + 1, 'W')), d(l + 1));
    const rhs = spec.activations[l - 1] === 'identity' ? upstream : M.had(upstream, M.act(l, true, z(l)));
    out.push({ lhs: d(l), rhs });
    out.push({ lhs: M.v('W', l, 'W'), rhs: rows ? M.mm(a(l - 1), M.T(d(l))) : M.mm(d(l), M.T(a(l - 1))), grad: true });
    if (spec.bias[l - 1]) out.push({ lhs: M.v('b', l, 'b'), rhs: rows ? M.T(d(l)) : d(l), grad: true });
  }
  return out;
}

/**
 * The collapse of an identity network by matrix algebra, one layer at a time. With σ = identity
 * the layer map is affine, and the composition of affine maps is affine:
 *   rows:  h⁽ˡ⁾ᵀ = h⁽ˡ⁻¹⁾ᵀW⁽ˡ⁾ + b⁽ˡ⁾ = (xᵀP + c)W⁽ˡ⁾ + b⁽ˡ⁾ = xᵀPW⁽ˡ⁾ + cW⁽ˡ⁾ + b⁽ˡ⁾ = xᵀ(PW⁽ˡ⁾) + (cW⁽ˡ⁾ + b⁽ˡ⁾)
 *   layer: h⁽ˡ⁾ = W⁽ˡ⁾(Px + c) + b⁽ˡ⁾ = W⁽ˡ⁾Px + W⁽ˡ⁾c + b⁽ˡ⁾ = (W⁽ˡ⁾P)x + (W⁽ˡ⁾c + b⁽ˡ⁾)
 * using only distributivity and associativity of the matrix product, which hold for matrices of
 * any conformable sizes: so β = W⁽¹⁾⋯W⁽ᴸ⁾ and β₀ = (⋯(b⁽¹⁾W⁽²⁾ + b⁽²⁾)⋯)W⁽ᴸ⁾ + b⁽ᴸ⁾ for every size.
 */
function identityCollapse(spec: SymbolicSpec, notation: Notation): IdentityCollapse {
  const L = spec.widths.length - 1;
  const rows = spec.convention === 'rows';
  const W = (l: number): MExpr => M.v('W', l, 'W');
  const b = (l: number): MExpr => M.v('b', l, 'b');
  const xIn: MExpr = rows ? M.T(M.v('x', 0, 'x')) : M.v('x', 0, 'x');
  const lhsOf = (l: number): MExpr => {
    const v = activationVar(spec, notation, l, false);
    return rows ? M.T(v) : v;
  };
  const times = (A: MExpr, B: MExpr): MExpr => M.mm(A, B);
  const blocks: CollapseBlock[] = [];
  let P: MExpr = W(1);
  let c: MExpr | undefined = spec.bias[0] ? b(1) : undefined;
  const affine = (Pm: MExpr, cm: MExpr | undefined): MExpr => {
    const lin = rows ? times(xIn, Pm) : times(Pm, xIn);
    return cm === undefined ? lin : M.plus(lin, cm);
  };
  blocks.push({ lhs: lhsOf(1), rows: [{ expr: affine(P, c), rule: 'definition, σ = identity' }] });
  for (let l = 2; l <= L; l++) {
    const bl = spec.bias[l - 1] ? b(l) : undefined;
    const withB = (e: MExpr): MExpr => (bl === undefined ? e : M.plus(e, bl));
    const prev = affine(P, c);
    const r1 = withB(rows ? times(prev, W(l)) : times(W(l), prev));
    const spreadLin = rows ? times(times(xIn, P), W(l)) : times(W(l), times(P, xIn));
    const spreadC = c === undefined ? undefined : rows ? times(c, W(l)) : times(W(l), c);
    const r2 = withB(spreadC === undefined ? spreadLin : M.plus(spreadLin, spreadC));
    const newP = rows ? times(P, W(l)) : times(W(l), P);
    const newC = spreadC === undefined ? bl : bl === undefined ? spreadC : M.plus(spreadC, bl);
    const r3 = affine(newP, newC);
    blocks.push({
      lhs: lhsOf(l),
      rows: [
        { expr: r1, rule: `definition with σ = identity, and the line before for layer ${l - 1}` },
        ...(c === undefined ? [] : [{ expr: r2, rule: rows ? '(A + B)C = AC + BC' : 'A(B + C) = AB + AC' }]),
        { expr: r3, rule: rows ? '(AB)C = A(BC), and the sum regrouped' : 'A(BC) = (AB)C, and the sum regrouped' },
      ],
    });
    P = newP;
    c = newC;
  }
  return {
    blocks,
    beta: P,
    ...(c !== undefined ? { beta0: c } : {}),
    how:
      'by matrix algebra: each layer is an affine map, and each line above is one matrix identity (distributivity or associativity of the matrix product) that holds for matrices of any conformable sizes, so the result holds for every value of the letters; no size is fixed anywhere (the tests also instantiate it at small sizes against the concrete network, as a cross-check, not as the proof)',
  };
}

/**
 * Seed 004's names for the parameters of a concrete network, as symbols: w⁽ˡ⁾ₘⱼ (into unit m from
 * unit j) is `beta{l}_{j}_{m}` (β⁽ˡ⁾ⱼₘ: j the unit below, m the unit), b⁽ˡ⁾ₘ is `beta{l}_0_{m}`
 * (β⁽ˡ⁾₀ₘ); a layer of width 1 drops m (`beta2_{m}`, `beta2_0`: β⁽²⁾ₘ, β⁽²⁾₀). Substitute with it
 * to print a formula in the exercise's notation.
 *
 * @example
 * ```ts
 * seed004Names(parseSpec('2-3-1:identity:rows')).get('w1_3_2'); // 'beta1_2_3'
 * seed004Names(parseSpec('2-3-1:identity:rows')).get('b2_1'); // 'beta2_0'
 * ```
 */
export function seed004Names(spec: { readonly widths: readonly number[]; readonly bias: readonly boolean[] }): Map<string, string> {
  const out = new Map<string, string>();
  for (let l = 1; l < spec.widths.length; l++) {
    const single = spec.widths[l] === 1;
    for (let m = 1; m <= spec.widths[l]!; m++) {
      for (let j = 1; j <= spec.widths[l - 1]!; j++) out.set(weightName(l, m, j), single ? `beta${l}_${j}` : `beta${l}_${j}_${m}`);
      if (spec.bias[l - 1]) out.set(biasName(l, m), single ? `beta${l}_0` : `beta${l}_0_${m}`);
    }
  }
  return out;
}
