/**
 * LaTeX printer: one precedence table, minimal parentheses, names with indices
 * (`w1_2_3 → w^{(1)}_{2,3}`), negative powers as fractions, functions by their registered LaTeX.
 */
import { lookupFn } from '../expr/fns.js';
import { type Node, assertNever, splitCoefficient } from '../expr/node.js';
import { type Rational, qabs, qneg } from '../expr/rational.js';
import { displayTerms } from './terms.js';
import { topoOrder } from '../expr/walk.js';
import { ATOM, NEGATION, POWER, PRODUCT, type Printed as Operand, SUM, grouped } from './precedence.js';

// The precedence table is precedence.ts's; a fraction \frac{}{} counts as an atom for juxtaposition.
interface Printed extends Operand {
  /** the string has a top-level superscript, so a further power must parenthesise it */
  readonly sup?: boolean;
  /** the string is a \\frac (or a fraction constant), which a power must parenthesise too */
  readonly frac?: boolean;
}

/** Whether LaTeX text has a superscript outside every brace group (`e^{x}` yes, `\\sqrt{x^{2}}` no). */
function topLevelSup(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '^' && depth === 0) return true;
  }
  return false;
}

/**
 * Whether a function's LaTeX puts a superscript at top level, decided once per function on a
 * placeholder argument (scanning every printed string would make deep formulas quadratic).
 */
const templateSups = new Map<string, boolean>();
function templateSup(name: string, latex: (arg: string) => string): boolean {
  let v = templateSups.get(name);
  if (v === undefined) {
    v = topLevelSup(latex('{}'));
    templateSups.set(name, v);
  }
  return v;
}

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

function letters(s: string): string {
  if (GREEK.has(s)) return `\\${s}`;
  if (/^[A-Za-z]$/.test(s)) return s;
  return `\\mathit{${s.replace(/_/g, '\\_')}}`; // also a lone '_', which raw would be a KaTeX error
}

/**
 * LaTeX of a symbol name: `x3 → x_{3}`, `b1_2 → b^{(1)}_{2}`, `w1_2_3 → w^{(1)}_{2,3}`,
 * `theta → \theta`, `pi → \pi`.
 */
export function symbolLatex(name: string): string {
  const m = /^([A-Za-z]+)(\d+)((?:_\d+)*)$/.exec(name);
  if (m) {
    const rest = m[3]!.split('_').filter(Boolean);
    if (rest.length === 0) return `${letters(m[1]!)}_{${m[2]}}`;
    return `${letters(m[1]!)}^{(${m[2]})}_{${rest.join(',')}}`;
  }
  const u = /^([A-Za-z]+)_([A-Za-z0-9_]+)$/.exec(name);
  const parts = u?.[2]!.split('_');
  // An empty part (`a__b`, `a_`) has no index reading: the name is printed as it is.
  if (u && parts && parts.every((p) => p !== '')) return `${letters(u[1]!)}_{${parts.map((p) => (/^\d+$/.test(p) ? p : letters(p))).join(',')}}`;
  return letters(name);
}

/** A rational in LaTeX; the sign of a fraction goes in front: −4/5 is `-\\frac{4}{5}`, not `\\frac{-4}{5}`. */
const frac = (q: Rational): string =>
  q.d === 1n ? q.n.toString() : q.n < 0n ? `-\\frac{${-q.n}}{${q.d}}` : `\\frac{${q.n}}{${q.d}}`;

/**
 * LaTeX of an expression.
 *
 * @example
 * ```ts
 * import { parse, toLatex } from 'closedform';
 * toLatex(parse('w1_1_2*x2/3')); // '\\frac{w^{(1)}_{1,2} x_{2}}{3}'
 * ```
 */
export function toLatex(e: Node): string {
  const memo = new Map<Node, Printed>();
  const go = (n: Node): Printed => {
    let p = memo.get(n);
    if (p === undefined) {
      p = print(n, go);
      memo.set(n, p);
    }
    return p;
  };
  // Children first (topological order), so that go never recurses more than one level: deep
  // formulas print without overflowing the stack.
  for (const n of topoOrder(e)) go(n);
  return go(e).s;
}

const paren = (s: string): string => `\\left(${s}\\right)`;
const wrap = (p: Printed, min: number): string => grouped(p, min, paren);

function print(n: Node, go: (n: Node) => Printed): Printed {
  switch (n.kind) {
    case 'num':
      return { s: frac(n.value), prec: n.value.n < 0n ? NEGATION : ATOM, frac: n.value.d !== 1n };
    case 'sym': {
      const s = symbolLatex(n.name);
      return { s, prec: ATOM, sup: topLevelSup(s) };
    }
    case 'fn': {
      // e^{u} is an atom for juxtaposition but already carries a superscript: (e^{u})^{2}.
      const rule = lookupFn(n.name)!;
      return { s: rule.latex(go(n.arg).s), prec: ATOM, sup: templateSup(rule.name, rule.latex) };
    }
    case 'pow':
      return n.exp.n < 0n ? product(n, go) : power(n.base, n.exp, go);
    case 'mul':
      return product(n, go);
    case 'add': {
      const args = displayTerms(n);
      let s = '';
      args.forEach((t, i) => {
        const [k] = splitCoefficient(t);
        const negative = k.n < 0n;
        const body = negative ? productBody(t.kind === 'mul' ? t.args : [t], true, go) : go(t);
        const b = wrap(body, NEGATION);
        s += i === 0 ? (negative ? `-${b}` : b) : negative ? ` - ${b}` : ` + ${b}`;
      });
      return { s, prec: SUM };
    }
    default:
      return assertNever(n);
  }
}

function power(base: Node, ex: Rational, go: (n: Node) => Printed): Printed {
  const b = go(base);
  // A radical raised further is parenthesised like a fraction: (√x)^{3/2}, not √x^{3/2}.
  if (ex.n === 1n && ex.d === 2n) return { s: `\\sqrt{${b.s}}`, prec: ATOM, frac: true };
  if (ex.n === 1n && ex.d > 2n) return { s: `\\sqrt[${ex.d}]{${b.s}}`, prec: ATOM, frac: true };
  // Parenthesise sums, products, signed numbers, anything with a superscript of its own
  // (a double superscript is a KaTeX error), fractions and radicals (\\frac{1}{2}^{3} misreads).
  const needs = b.prec < ATOM || b.sup === true || b.frac === true;
  const bs = needs ? paren(b.s) : b.s;
  return { s: `${bs}^{${frac(ex)}}`, prec: POWER, sup: true };
}

function product(n: Node, go: (n: Node) => Printed): Printed {
  const args = n.kind === 'mul' ? n.args : [n];
  const [k] = splitCoefficient(n);
  if (k.n < 0n) return { s: `-${wrap(productBody(args, true, go), NEGATION)}`, prec: NEGATION };
  return productBody(args, false, go);
}

/** \frac{p·Πnumerator}{q·Πdenominator}, or a juxtaposed product when there is no denominator. */
function productBody(args: readonly Node[], abs: boolean, go: (n: Node) => Printed): Printed {
  const top: string[] = [];
  const topRaw: string[] = [];
  const bottom: string[] = [];
  const denominators = args.filter((a) => (a.kind === 'pow' && a.exp.n < 0n) || (a.kind === 'num' && a.value.d !== 1n)).length;
  for (const a of args) {
    if (a.kind === 'num') {
      const q = abs ? qabs(a.value) : a.value;
      if (q.n !== 1n) top.push(q.n.toString());
      if (q.d !== 1n) bottom.push(q.d.toString());
    } else if (a.kind === 'pow' && a.exp.n < 0n) {
      const e = qneg(a.exp);
      // A lone denominator needs no parentheses: \frac{1}{x + 1}.
      if (e.n === 1n && e.d === 1n) bottom.push(denominators > 1 ? wrap(go(a.base), PRODUCT + 1) : go(a.base).s);
      else bottom.push(power(a.base, e, go).s);
    } else {
      top.push(wrap(go(a), PRODUCT + 1));
      topRaw.push(go(a).s);
    }
  }
  // A numerator that is one factor needs no parentheses inside \frac: \frac{a - y}{2}, not \frac{\left(a - y\right)}{2}.
  if (bottom.length > 0 && top.length === 1 && topRaw.length === 1) top[0] = topRaw[0]!;
  const join = (xs: string[]): string =>
    xs.reduce((s, x, i) => (i === 0 ? x : /^[\d-]/.test(x) ? `${s} \\cdot ${x}` : `${s} ${x}`), '');
  if (bottom.length === 0) {
    const single = top.length === 1 && args.length === 1;
    return { s: join(top) || '1', prec: single ? go(args[0]!).prec : PRODUCT };
  }
  return { s: `\\frac{${join(top) || '1'}}{${join(bottom)}}`, prec: ATOM, frac: true };
}
