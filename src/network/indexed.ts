/**
 * The index layer of networks of general sizes: expressions with indexed sums over letter bounds
 * (zᵢ = bᵢ + Σⱼ₌₁ᵖ wᵢⱼ xⱼ) and matrix expressions over letter shapes (h = σ(W⁽¹⁾ᵀx + b⁽¹⁾ᵀ)).
 *
 * Why a layer of its own and not a new node kind: the expression core is a DAG of concrete
 * scalars whose canonical forms (merging like terms, sorting) assume every symbol is one number.
 * A sum up to p is not a node over numbers until p is one; so these forms stay small trees of
 * plain data, printed as text and LaTeX here, and **instantiated** at concrete sizes into core
 * nodes (`instantiateScalar`, `instantiateMatrix`), which is how they are checked against the
 * concrete pipeline (buildNetwork, backpropEquations, gradientEquations).
 *
 * Names print in two notations: `standard` (w⁽ˡ⁾ᵢⱼ into unit i from unit j, b⁽ˡ⁾ᵢ, z, a, δ) and
 * `seed004` (the exercise's β⁽ˡ⁾ⱼₘ with j the unit below and m the unit, β⁽ˡ⁾₀ₘ the offset, h the
 * hidden units, z the output, q the arguments of σ; a layer of width 1 drops its index).
 */
import type { Activation } from '../activations/activation.js';
import { type Node, ONE_NODE, add, mul, num, sub, sym } from '../expr/node.js';
import { Q } from '../expr/rational.js';
import { toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { biasName, inputName, layerActivation, targetName, weightName } from './build.js';
import { aName, deltaName, zName } from './gradient.js';
import { SpecError } from './parse.js';
import type { NetworkSpec, SymbolicSpec } from './spec.js';

/** A width: a number or a letter. */
export type Size = number | string;
/** An index position: a letter running over a range, or a fixed number (1 for a layer of width 1, 0 for an offset). */
export type Ix = string | number;
/** How names print. */
export type Notation = 'standard' | 'seed004';

/** A scalar expression with indexed sums. `a` of layer 0 is the input x. */
export type IExpr =
  | { readonly kind: 'w'; readonly l: number; readonly to: Ix; readonly from: Ix }
  | { readonly kind: 'b'; readonly l: number; readonly to: Ix }
  | { readonly kind: 'y'; readonly k: Ix }
  | { readonly kind: 'z' | 'a' | 'delta'; readonly l: number; readonly i: Ix }
  | { readonly kind: 'sum'; readonly index: string; readonly upper: Size; readonly body: IExpr }
  | { readonly kind: 'add'; readonly terms: readonly IExpr[] }
  | { readonly kind: 'mul'; readonly factors: readonly IExpr[] }
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'minus'; readonly a: IExpr; readonly b: IExpr }
  /** σ_l(arg), or σ_l'(arg) when `d` */
  | { readonly kind: 'act'; readonly l: number; readonly d: boolean; readonly arg: IExpr };

/** One indexed equation `lhs = rhs` for every value of its ranges (`grad`: ∂L/∂lhs = rhs). */
export interface IEquation {
  readonly kind: 'z' | 'a' | 'delta' | 'grad';
  readonly layer: number;
  readonly lhs: IExpr;
  readonly rhs: IExpr;
  readonly ranges: readonly { readonly index: string; readonly upper: Size }[];
}

/** Concrete values of the letters: `{ p: 2, M: 3 }`. */
export type Sizes = Readonly<Record<string, number>>;

/** The concrete value of a width. */
export function sizeValue(s: Size, sizes: Sizes): number {
  if (typeof s === 'number') return s;
  const v = sizes[s];
  if (v === undefined || !Number.isSafeInteger(v) || v < 1) throw new SpecError(`no concrete size for the letter ${s}: give it a positive integer`);
  return v;
}

/** The concrete spec of a symbolic one at the given sizes. */
export function instantiateSpec(spec: SymbolicSpec, sizes: Sizes): NetworkSpec {
  return { ...spec, widths: spec.widths.map((w) => sizeValue(w, sizes)) };
}

// ---------------------------------------------------------------------------------------------
// Instantiation: unroll the sums at concrete sizes into core nodes, in the names of build.ts and
// gradient.ts (w{l}_{i}_{j}, b{l}_{i}, x{j}, y{k}, z{l}_{i}, a{l}_{i}, delta{l}_{i}).

const ixValue = (ix: Ix, env: ReadonlyMap<string, number>): number => {
  if (typeof ix === 'number') return ix;
  const v = env.get(ix);
  if (v === undefined) throw new SpecError(`index ${ix} is not bound`);
  return v;
};

/** The core node of an indexed expression at concrete sizes, with the indices in `env` bound. */
export function instantiateScalar(e: IExpr, spec: SymbolicSpec, sizes: Sizes, env: ReadonlyMap<string, number> = new Map()): Node {
  const go = (x: IExpr, en: ReadonlyMap<string, number>): Node => {
    switch (x.kind) {
      case 'w':
        return sym(weightName(x.l, ixValue(x.to, en), ixValue(x.from, en)));
      case 'b':
        return sym(biasName(x.l, ixValue(x.to, en)));
      case 'y':
        return sym(targetName(ixValue(x.k, en)));
      case 'z':
        return sym(zName(x.l, ixValue(x.i, en)));
      case 'a':
        return sym(x.l === 0 ? inputName(ixValue(x.i, en)) : aName(x.l, ixValue(x.i, en)));
      case 'delta':
        return sym(deltaName(x.l, ixValue(x.i, en)));
      case 'sum': {
        const n = sizeValue(x.upper, sizes);
        const terms: Node[] = [];
        for (let v = 1; v <= n; v++) terms.push(go(x.body, new Map([...en, [x.index, v]])));
        return add(...terms);
      }
      case 'add':
        return add(...x.terms.map((t) => go(t, en)));
      case 'mul':
        return mul(...x.factors.map((t) => go(t, en)));
      case 'num':
        return num(Q(BigInt(x.value)));
      case 'minus':
        return sub(go(x.a, en), go(x.b, en));
      case 'act': {
        const act = activationOf(spec, x.l);
        return x.d ? act.derivative(go(x.arg, en)) : act.apply(go(x.arg, en));
      }
      default:
        return assertNever(x);
    }
  };
  return go(e, env);
}

/** Every instance of an equation at concrete sizes: [lhs name, rhs node], ranges unrolled in order. */
export function instantiateEquation(eq: IEquation, spec: SymbolicSpec, sizes: Sizes): [string, Node][] {
  const out: [string, Node][] = [];
  const walk = (r: number, env: Map<string, number>): void => {
    if (r === eq.ranges.length) {
      const lhs = instantiateScalar(eq.lhs, spec, sizes, env);
      if (lhs.kind !== 'sym') throw new SpecError('the left-hand side of an indexed equation is a name');
      out.push([lhs.name, instantiateScalar(eq.rhs, spec, sizes, env)]);
      return;
    }
    const range = eq.ranges[r]!;
    for (let v = 1; v <= sizeValue(range.upper, sizes); v++) walk(r + 1, new Map([...env, [range.index, v]]));
  };
  walk(0, new Map());
  return out;
}

function activationOf(spec: SymbolicSpec, l: number): Activation {
  // layerActivation reads only the activation names: a symbolic spec serves as well as a concrete one
  return layerActivation(spec as unknown as NetworkSpec, l);
}

function assertNever(x: never): never {
  throw new SpecError(`unexpected form ${JSON.stringify(x)}`);
}

// ---------------------------------------------------------------------------------------------
// Printing. Precedence: sums and differences 1, products 2, atoms 3; a Σ extends to the right, so
// inside a product it comes last or in brackets.

/** How one notation names things, in text and LaTeX. */
interface Names {
  readonly text: (x: Extract<IExpr, { kind: 'w' | 'b' | 'y' | 'z' | 'a' | 'delta' }>) => string;
  readonly latex: (x: Extract<IExpr, { kind: 'w' | 'b' | 'y' | 'z' | 'a' | 'delta' }>) => string;
}

const ixs = (sep: string, ...i: Ix[]): string => i.map(String).join(sep);

/** The names of a notation for a spec (seed 004's drops the index of a layer of width 1). */
function names(spec: SymbolicSpec, notation: Notation): Names {
  const L = spec.widths.length - 1;
  if (notation === 'standard')
    return {
      text: (x) => {
        switch (x.kind) {
          case 'w':
            return `w${x.l}[${ixs(',', x.to, x.from)}]`;
          case 'b':
            return `b${x.l}[${x.to}]`;
          case 'y':
            return `y[${x.k}]`;
          case 'a':
            return x.l === 0 ? `x[${x.i}]` : `a${x.l}[${x.i}]`;
          case 'z':
          case 'delta':
            return `${x.kind}${x.l}[${x.i}]`;
          default:
            return assertNever(x);
        }
      },
      latex: (x) => {
        switch (x.kind) {
          case 'w':
            return `w^{(${x.l})}_{${ixs(',', x.to, x.from)}}`;
          case 'b':
            return `b^{(${x.l})}_{${x.to}}`;
          case 'y':
            return `y_{${x.k}}`;
          case 'a':
            return x.l === 0 ? `x_{${x.i}}` : `a^{(${x.l})}_{${x.i}}`;
          case 'z':
            return `z^{(${x.l})}_{${x.i}}`;
          case 'delta':
            return `\\delta^{(${x.l})}_{${x.i}}`;
          default:
            return assertNever(x);
        }
      },
    };
  // seed 004: β⁽ˡ⁾ⱼₘ multiplies unit j of layer l−1 in unit m of layer l; a width-1 layer's index is dropped
  const single = (l: number): boolean => spec.widths[l] === 1;
  const unit = (l: number, i: Ix, sep: string): string => (single(l) ? '' : String(i) + sep);
  const hidden = (l: number): string => (L === 2 ? 'h' : `h${l}`);
  const hiddenLatex = (l: number): string => (L === 2 ? 'h' : `h^{(${l})}`);
  const sub = (s: string): string => (s === '' ? '' : `_{${s}}`);
  return {
    text: (x) => {
      switch (x.kind) {
        case 'w':
          return `beta${x.l}[${single(x.l) ? String(x.from) : ixs(',', x.from, x.to)}]`;
        case 'b':
          return `beta${x.l}[${single(x.l) ? '0' : ixs(',', 0, x.to)}]`;
        case 'y':
          return single(L) ? 'y' : `y[${x.k}]`;
        case 'a':
          return x.l === 0 ? `x[${x.i}]` : x.l === L ? (single(L) ? 'z' : `z[${x.i}]`) : `${hidden(x.l)}[${x.i}]`;
        case 'z':
          return single(x.l) ? `q${x.l}` : `q${x.l}[${x.i}]`;
        case 'delta':
          return single(x.l) ? `delta${x.l}` : `delta${x.l}[${x.i}]`;
        default:
          return assertNever(x);
      }
    },
    latex: (x) => {
      switch (x.kind) {
        case 'w':
          return `\\beta^{(${x.l})}_{${String(x.from)}${unit(x.l, x.to, '')}}`;
        case 'b':
          return `\\beta^{(${x.l})}_{0${unit(x.l, x.to, '')}}`;
        case 'y':
          return single(L) ? 'y' : `y_{${x.k}}`;
        case 'a':
          return x.l === 0 ? `x_{${x.i}}` : x.l === L ? `z${sub(unit(L, x.i, ''))}` : `${hiddenLatex(x.l)}_{${x.i}}`;
        case 'z':
          return `q^{(${x.l})}${sub(unit(x.l, x.i, ''))}`;
        case 'delta':
          return `\\delta^{(${x.l})}${sub(unit(x.l, x.i, ''))}`;
        default:
          return assertNever(x);
      }
    },
  };
}

interface Printed {
  readonly s: string;
  readonly prec: number;
}

/** σ_l or σ_l' applied to printed `arg`: the registry's own text or LaTeX, σ' from the derivative node at a placeholder. */
function actPrinted(spec: SymbolicSpec, l: number, d: boolean, arg: string, latex: boolean): Printed | undefined {
  const act = activationOf(spec, l);
  const zeta = sym('zeta');
  const node = d ? act.derivative(zeta) : act.apply(zeta);
  if (node === ONE_NODE) return undefined; // identity′ ≡ 1: the factor is dropped
  if (node === zeta) return { s: arg, prec: 1 }; // identity: the bare argument
  const s = latex ? toLatex(node).replaceAll('\\zeta', `{${arg}}`) : toText(node).replaceAll('(zeta)', `(${arg})`).replaceAll('zeta', arg.includes(' ') ? `(${arg})` : arg);
  return { s, prec: node.kind === 'fn' ? 3 : node.kind === 'mul' ? 2 : 1 };
}

/** An indexed expression as text (`sum(j = 1..p, w1[i,j]*x[j])`) or LaTeX (`\sum_{j=1}^{p} …`). */
export function printIndexed(e: IExpr, spec: SymbolicSpec, notation: Notation, latex: boolean): string {
  const nm = names(spec, notation);
  const paren = (p: Printed, min: number): string => (p.prec < min ? (latex ? `\\left(${p.s}\\right)` : `(${p.s})`) : p.s);
  const go = (x: IExpr): Printed => {
    switch (x.kind) {
      case 'w':
      case 'b':
      case 'y':
      case 'z':
      case 'a':
      case 'delta':
        return { s: latex ? nm.latex(x) : nm.text(x), prec: 3 };
      case 'num':
        return { s: String(x.value), prec: x.value < 0 ? 2 : 3 };
      case 'sum': {
        const body = paren(go(x.body), 2);
        return { s: latex ? `\\sum_{${x.index}=1}^{${x.upper}} ${body}` : `sum(${x.index} = 1..${x.upper}, ${body})`, prec: latex ? 1.5 : 3 };
      }
      case 'add':
        return { s: x.terms.map((t) => paren(go(t), 1)).join(' + '), prec: 1 };
      case 'minus':
        return { s: `${paren(go(x.a), 1)} - ${paren(go(x.b), 2)}`, prec: 1 };
      case 'mul': {
        const parts = x.factors.map(go).filter((p) => p.s !== '');
        // a Σ may stand last in a product (it extends to the right); elsewhere it is bracketed
        const s = parts.map((p, i) => (p.prec === 1.5 && i === parts.length - 1 ? p.s : paren(p, 2))).join(latex ? ' ' : '*');
        return { s, prec: parts.some((p) => p.prec === 1.5) && parts.at(-1)!.prec === 1.5 ? 1.5 : 2 };
      }
      case 'act': {
        const arg = go(x.arg);
        return actPrinted(spec, x.l, x.d, arg.s, latex) ?? { s: '', prec: 3 };
      }
      default:
        return assertNever(x);
    }
  };
  return go(e).s;
}

/** The ranges of an equation as text (`i = 1..M`) or LaTeX (`i = 1, \dots, M`). */
export function printRanges(eq: IEquation, latex: boolean): string {
  return eq.ranges.map((r) => (latex ? `${r.index} = 1, \\dots, ${r.upper}` : `${r.index} = 1..${r.upper}`)).join(latex ? ', \\; ' : ', ');
}

/** The equation as text or LaTeX, with its ranges: `z1[i] = b1[i] + sum(j = 1..p, w1[i,j]*x[j]),  i = 1..M`. */
export function printEquation(eq: IEquation, spec: SymbolicSpec, notation: Notation, latex: boolean): string {
  const lhs = printIndexed(eq.lhs, spec, notation, latex);
  const l = eq.kind === 'grad' ? (latex ? `\\frac{\\partial L}{\\partial ${lhs}}` : `dL/d${lhs}`) : lhs;
  const rhs = printIndexed(eq.rhs, spec, notation, latex) || '1';
  const ranges = printRanges(eq, latex);
  return ranges === '' ? `${l} = ${rhs}` : latex ? `${l} = ${rhs}, \\quad ${ranges}` : `${l} = ${rhs},  ${ranges}`;
}
