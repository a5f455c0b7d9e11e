/**
 * Matrix expressions over letter shapes, for the vectorised forms of a network of general sizes
 * (seed 004 §10.2–10.3: z = f(x), Z = f(X) with no Σ and no loop) and the backprop equations in
 * matrix form. Plain data, printed as text and LaTeX, and instantiated at concrete sizes into
 * matrices of core nodes (`instantiateMatrix`), which is how each form is checked against the
 * concrete network.
 *
 * Layouts (the spec's convention): `layer` W⁽ˡ⁾ is n_l × n_{l−1} with entry (i, j) = w⁽ˡ⁾ᵢⱼ and
 * b⁽ˡ⁾ a column; `rows` (seed 004) W⁽ˡ⁾ is n_{l−1} × n_l with entry (j, i) = w⁽ˡ⁾ᵢⱼ and b⁽ˡ⁾ a
 * row. X holds one data point per row (x{j}_{i} in row i, column j), Y the targets likewise.
 * `plus` broadcasts: a row added to every row of a matrix, a column to every column.
 */
import type { Activation } from '../activations/activation.js';
import { type Node, add, mul, num, sub, sym } from '../expr/node.js';
import { Q } from '../expr/rational.js';
import { biasName, inputName, layerActivation, targetName, weightName } from './build.js';
import { aName, deltaName, zName } from './gradient.js';
import { type Sizes, sizeValue } from './indexed.js';
import { SpecError } from './parse.js';
import type { NetworkSpec, SymbolicSpec } from './spec.js';

/**
 * What a matrix variable stands for: the data (x, X, y, Y), the parameters (W, b), the named
 * intermediates of one data point as columns (z, a — layer 0 is x — and δ), or a matrix defined
 * by an earlier equation (`def`, looked up by its name and layer).
 */
export type Role = 'x' | 'X' | 'y' | 'Y' | 'W' | 'b' | 'z' | 'a' | 'delta' | 'def';

export type MExpr =
  /** `name` is the printed letter (bold in LaTeX), `l` its layer, printed as a superscript unless 0 or `bare` */
  | { readonly kind: 'var'; readonly role: Role; readonly l: number; readonly name: string; readonly bare?: boolean }
  | { readonly kind: 'T'; readonly arg: MExpr }
  | { readonly kind: 'mm'; readonly a: MExpr; readonly b: MExpr }
  | { readonly kind: 'plus'; readonly a: MExpr; readonly b: MExpr }
  | { readonly kind: 'minus'; readonly a: MExpr; readonly b: MExpr }
  | { readonly kind: 'had'; readonly a: MExpr; readonly b: MExpr }
  | { readonly kind: 'scale'; readonly c: number; readonly arg: MExpr }
  /** σ_l or σ_l' entrywise */
  | { readonly kind: 'act'; readonly l: number; readonly d: boolean; readonly arg: MExpr };

/** `lhs = rhs` between matrices; `grad` rows say ∂L/∂lhs = rhs (lhs a W or b). */
export interface MEquation {
  readonly lhs: MExpr;
  readonly rhs: MExpr;
  readonly grad?: boolean;
}

export type Matrix = readonly (readonly Node[])[];

const v = (role: Role, l: number, name: string, bare = false): MExpr => (bare ? { kind: 'var', role, l, name, bare } : { kind: 'var', role, l, name });
/** Builders, so that the forms read as they print. */
export const M = {
  v,
  T: (arg: MExpr): MExpr => ({ kind: 'T', arg }),
  mm: (a: MExpr, b: MExpr): MExpr => ({ kind: 'mm', a, b }),
  plus: (a: MExpr, b: MExpr): MExpr => ({ kind: 'plus', a, b }),
  minus: (a: MExpr, b: MExpr): MExpr => ({ kind: 'minus', a, b }),
  had: (a: MExpr, b: MExpr): MExpr => ({ kind: 'had', a, b }),
  scale: (c: number, arg: MExpr): MExpr => ({ kind: 'scale', c, arg }),
  act: (l: number, d: boolean, arg: MExpr): MExpr => ({ kind: 'act', l, d, arg }),
};

const gen = (r: number, c: number, f: (i: number, j: number) => Node): Matrix => Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => f(i + 1, j + 1)));
const column = (n: number, f: (i: number) => Node): Matrix => gen(n, 1, (i) => f(i));

/**
 * The matrix of a matrix expression at concrete sizes, `n` data points, with the matrices defined
 * so far in `env` (keyed `name/l`).
 */
export function instantiateMatrix(e: MExpr, spec: SymbolicSpec, sizes: Sizes, n: number, env: ReadonlyMap<string, Matrix> = new Map()): Matrix {
  const w = spec.widths.map((x) => sizeValue(x, sizes));
  const L = w.length - 1;
  const rows = spec.convention === 'rows';
  const go = (x: MExpr): Matrix => {
    switch (x.kind) {
      case 'var':
        return variable(x);
      case 'T':
        return transpose(go(x.arg));
      case 'mm':
        return matmul(go(x.a), go(x.b));
      case 'plus':
        return entrywise(go(x.a), go(x.b), (p, q) => add(p, q), true);
      case 'minus':
        return entrywise(go(x.a), go(x.b), (p, q) => sub(p, q), false);
      case 'had':
        return entrywise(go(x.a), go(x.b), (p, q) => mul(p, q), false);
      case 'scale':
        return go(x.arg).map((r) => r.map((e) => mul(num(Q(BigInt(x.c))), e)));
      case 'act': {
        const act: Activation = layerActivation(spec as unknown as NetworkSpec, x.l);
        return go(x.arg).map((r) => r.map((e) => (x.d ? act.derivative(e) : act.apply(e))));
      }
      default:
        return fail(`unexpected form ${JSON.stringify(x)}`);
    }
  };
  const variable = (x: Extract<MExpr, { kind: 'var' }>): Matrix => {
    const l = x.l;
    switch (x.role) {
      case 'x':
        return column(w[0]!, (j) => sym(inputName(j)));
      case 'X':
        return gen(n, w[0]!, (i, j) => sym(`${inputName(j)}_${i}`));
      case 'y':
        return column(w[L]!, (k) => sym(targetName(k)));
      case 'Y':
        return gen(n, w[L]!, (i, k) => sym(`${targetName(k)}_${i}`));
      case 'W':
        return rows ? gen(w[l - 1]!, w[l]!, (j, i) => sym(weightName(l, i, j))) : gen(w[l]!, w[l - 1]!, (i, j) => sym(weightName(l, i, j)));
      case 'b':
        return rows ? gen(1, w[l]!, (_, i) => sym(biasName(l, i))) : column(w[l]!, (i) => sym(biasName(l, i)));
      case 'z':
        return column(w[l]!, (i) => sym(zName(l, i)));
      case 'a':
        return column(w[l]!, (i) => sym(aName(l, i)));
      case 'delta':
        return column(w[l]!, (i) => sym(deltaName(l, i)));
      case 'def': {
        const m = env.get(`${x.name}/${l}`);
        if (m === undefined) return fail(`${x.name} of layer ${l} is used before it is defined`);
        return m;
      }
      default:
        return fail(`unexpected role ${JSON.stringify(x.role)}`);
    }
  };
  return go(e);
}

/**
 * Every equation of a list at concrete sizes, in order; a `def` left-hand side is added to the
 * environment for the equations after it. Returns the left- and right-hand matrices.
 */
export function instantiateMatrixEquations(eqs: readonly MEquation[], spec: SymbolicSpec, sizes: Sizes, n: number): { lhs: Matrix; rhs: Matrix }[] {
  const env = new Map<string, Matrix>();
  return eqs.map((eq) => {
    const rhs = instantiateMatrix(eq.rhs, spec, sizes, n, env);
    if (eq.lhs.kind === 'var' && eq.lhs.role === 'def') {
      env.set(`${eq.lhs.name}/${eq.lhs.l}`, rhs);
      return { lhs: rhs, rhs };
    }
    return { lhs: instantiateMatrix(eq.lhs, spec, sizes, n, env), rhs };
  });
}

function fail(why: string): never {
  throw new SpecError(why);
}

const transpose = (a: Matrix): Matrix => (a.length === 0 ? [] : a[0]!.map((_, j) => a.map((r) => r[j]!)));

function matmul(a: Matrix, b: Matrix): Matrix {
  const inner = a[0]?.length ?? 0;
  if (inner !== b.length) fail(`shapes ${a.length}×${inner} and ${b.length}×${b[0]?.length ?? 0} do not multiply`);
  return gen(a.length, b[0]?.length ?? 0, (i, j) => add(...Array.from({ length: inner }, (_, k) => mul(a[i - 1]![k]!, b[k]![j - 1]!))));
}

/** Entry by entry; with `broadcast`, a 1-row (1-column) b is added to every row (column) of a. */
function entrywise(a: Matrix, b: Matrix, f: (p: Node, q: Node) => Node, broadcast: boolean): Matrix {
  const r = a.length;
  const c = a[0]?.length ?? 0;
  const br = b.length;
  const bc = b[0]?.length ?? 0;
  const ok = (br === r && bc === c) || (broadcast && ((br === 1 && bc === c) || (bc === 1 && br === r)));
  if (!ok) fail(`shapes ${r}×${c} and ${br}×${bc} do not match`);
  return gen(r, c, (i, j) => f(a[i - 1]![j - 1]!, b[br === 1 ? 0 : i - 1]![bc === 1 ? 0 : j - 1]!));
}

// ---------------------------------------------------------------------------------------------
// Printing: bold letters in LaTeX (\boldsymbol for Greek), ᵀ as ^{\top}; text as W1, b1ᵀ → b1'.

interface Printed {
  readonly s: string;
  /** 1 sum/difference, 2 product, 3 atom */
  readonly prec: number;
}

const boldLatex = (name: string): string => (/^[A-Za-z]+$/.test(name) ? `\\mathbf{${name}}` : `\\boldsymbol{${name}}`);

/** A matrix expression as text (`sigmoid(X*W1 + b1)`) or LaTeX (`\sigma(\mathbf{X} \mathbf{W}^{(1)} + …)`). */
export function printMatrix(e: MExpr, spec: SymbolicSpec, latex: boolean): string {
  const paren = (p: Printed, min: number): string => (p.prec < min ? (latex ? `\\left(${p.s}\\right)` : `(${p.s})`) : p.s);
  const go = (x: MExpr): Printed => {
    switch (x.kind) {
      case 'var': {
        const base = latex ? boldLatex(x.name) : x.name.replace(/^\\/, '');
        return { s: x.l === 0 || x.bare === true ? base : latex ? `${base}^{(${x.l})}` : `${base}${x.l}`, prec: 3 };
      }
      case 'T': {
        const a = go(x.arg);
        // W^{(1)} already carries a superscript: (W^{(1)})^T would be heavy; seed 004 writes W^{(1)\top}
        if (latex && x.arg.kind === 'var' && x.arg.l !== 0 && x.arg.bare !== true) return { s: `${boldLatex(x.arg.name)}^{(${x.arg.l})\\top}`, prec: 3 };
        return { s: latex ? `${paren(a, 3)}^{\\top}` : `${paren(a, 3)}'`, prec: 3 };
      }
      // a product of products reads left to right; a right operand that is itself a product is
      // bracketed, so that A(BC) and (AB)C print apart (the associativity steps of a collapse)
      case 'mm':
        return { s: `${paren(go(x.a), 2)}${latex ? ' ' : '*'}${paren(go(x.b), x.b.kind === 'mm' ? 3 : 2)}`, prec: 2 };
      case 'plus':
        return { s: `${paren(go(x.a), 1)} + ${paren(go(x.b), x.b.kind === 'plus' || x.b.kind === 'minus' ? 2 : 1)}`, prec: 1 };
      case 'minus':
        return { s: `${paren(go(x.a), 1)} - ${paren(go(x.b), 2)}`, prec: 1 };
      case 'had':
        // (W δ) ⊙ σ'(z): a matrix product beside ⊙ is bracketed, the two products do not share a precedence
        return { s: `${paren(go(x.a), x.a.kind === 'mm' ? 3 : 2)} ${latex ? '\\odot' : '.*'} ${paren(go(x.b), x.b.kind === 'mm' ? 3 : 2)}`, prec: 2 };
      case 'scale':
        return { s: `${x.c}${latex ? ' ' : '*'}${paren(go(x.arg), 3)}`, prec: 2 };
      case 'act': {
        const act = layerActivation(spec as unknown as NetworkSpec, x.l);
        const arg = go(x.arg).s;
        if (!x.d) {
          if (act.name === 'identity') return go(x.arg);
          return { s: latex ? act.latex(arg) : `${act.name}(${arg})`, prec: 3 };
        }
        // σ' entrywise, by the activation's registry name: σ'(Z) applied to a matrix is unambiguous, its expansion is not
        return { s: latex ? `\\operatorname{${act.name.replace(/_/g, '\\_')}}'\\left(${arg}\\right)` : `${act.name}'(${arg})`, prec: 3 };
      }
      default:
        return fail(`unexpected form ${JSON.stringify(x)}`);
    }
  };
  return go(e).s;
}

/** An equation as text or LaTeX: `H = sigmoid(X*W1 + b1)`, `dL/dW1 = x*delta1'`. */
export function printMatrixEquation(eq: MEquation, spec: SymbolicSpec, latex: boolean): string {
  const lhs = printMatrix(eq.lhs, spec, latex);
  const l = eq.grad ? (latex ? `\\frac{\\partial L}{\\partial ${lhs}}` : `dL/d${lhs}`) : lhs;
  return `${l} = ${printMatrix(eq.rhs, spec, latex)}`;
}
