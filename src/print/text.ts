/**
 * The text syntax: integers and fractions, + - * / ^, parentheses, calls name(arg).
 * Every printed string is read back by {@link parse} to the same node, and by `mathjs.parse`
 * to the same value (activations as functions defined from their `mathjs` facet).
 */
import { type Node, assertNever, splitCoefficient } from '../expr/node.js';
import { type Rational, qabs, qneg, qtoString } from '../expr/rational.js';
import { displayTerms } from './terms.js';
import { topoOrder } from '../expr/walk.js';
import { ATOM, NEGATION, POWER, PRODUCT, type Printed, SUM, grouped } from './precedence.js';

const wrap = (p: Printed, min: number): string => grouped(p, min, (s) => `(${s})`);

/**
 * Text of an expression, readable by {@link parse} and by mathjs.
 *
 * @example
 * ```ts
 * import { parse, toText } from 'closedform';
 * toText(parse('x*x/2 - 1')); // 'x^2/2 - 1'
 * ```
 */
export function toText(e: Node): string {
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

/** mathjs's keywords and literals that cannot stand for a variable. */
const MATHJS_WORDS = new Set(['not', 'true', 'false', 'null', 'undefined', 'end', 'Infinity', 'NaN']);

/**
 * Whether mathjs reads a symbol name as a plain variable. Its keywords and literals (`not`,
 * `end`, `true`, `NaN`, …) and the names of `Object.prototype` (`constructor`, `toString`, …,
 * which mathjs guards) print fine and parse back in closedform, but mathjs cannot evaluate
 * them: rename such symbols through a table before handing text to mathjs.
 *
 * @example
 * ```ts
 * import { mathjsReadable } from 'closedform';
 * mathjsReadable('w1_2_3'); // true
 * mathjsReadable('constructor'); // false
 * ```
 */
export function mathjsReadable(name: string): boolean {
  return !MATHJS_WORDS.has(name) && !(name in Object.prototype);
}

function printNum(q: Rational): Printed {
  const s = qtoString(q);
  return { s, prec: q.n < 0n ? NEGATION : q.d !== 1n ? PRODUCT : ATOM };
}

function print(n: Node, go: (n: Node) => Printed): Printed {
  switch (n.kind) {
    case 'num':
      return printNum(n.value);
    case 'sym':
      return { s: n.name, prec: ATOM };
    case 'fn':
      return { s: `${n.name}(${go(n.arg).s})`, prec: ATOM };
    case 'pow': {
      if (n.exp.n < 0n) return printProduct(n, go);
      const base = wrap(go(n.base), ATOM);
      const ex = n.exp.d === 1n ? qtoString(n.exp) : `(${qtoString(n.exp)})`;
      return { s: `${base}^${ex}`, prec: POWER };
    }
    case 'mul':
      return printProduct(n, go);
    case 'add': {
      const args = displayTerms(n);
      let s = '';
      args.forEach((t, i) => {
        const [k] = splitCoefficient(t);
        const negative = k.n < 0n;
        const body = negative ? negateTerm(t, go) : go(t);
        if (i === 0) s = negative ? `-${wrap(body, NEGATION)}` : wrap(body, SUM + 1);
        else s += negative ? ` - ${wrap(body, NEGATION)}` : ` + ${wrap(body, SUM + 1)}`;
      });
      return { s, prec: SUM };
    }
    default:
      return assertNever(n);
  }
}

/** Print −t for a term t with a negative coefficient. */
function negateTerm(t: Node, go: (n: Node) => Printed): Printed {
  if (t.kind === 'num') return printNum(qneg(t.value));
  return productText(t.kind === 'mul' ? t.args : [t], true, go);
}

function printProduct(n: Node, go: (n: Node) => Printed): Printed {
  const args = n.kind === 'mul' ? n.args : [n];
  const [k] = splitCoefficient(n);
  if (k.n < 0n) {
    const body = productText(args, true, go);
    return { s: `-${wrap(body, NEGATION)}`, prec: NEGATION };
  }
  return productText(args, false, go);
}

/** p·Πfactors / q / Πdenominators, with the coefficient's sign dropped when `abs`. */
function productText(args: readonly Node[], abs: boolean, go: (n: Node) => Printed): Printed {
  const top: string[] = [];
  const bottom: string[] = [];
  for (const a of args) {
    if (a.kind === 'num') {
      const q = abs ? qabs(a.value) : a.value;
      if (!(q.n === 1n)) top.push(q.n.toString());
      if (q.d !== 1n) bottom.push(q.d.toString());
    } else if (a.kind === 'pow' && a.exp.n < 0n) {
      const e = qneg(a.exp);
      const base = wrap(go(a.base), ATOM);
      bottom.push(e.n === 1n && e.d === 1n ? base : `${base}^${e.d === 1n ? qtoString(e) : `(${qtoString(e)})`}`);
    } else top.push(wrap(go(a), PRODUCT + 1));
  }
  const s = (top.length ? top.join('*') : '1') + bottom.map((b) => `/${b}`).join('');
  return { s, prec: top.length === 1 && bottom.length === 0 && args.length === 1 ? go(args[0]!).prec : PRODUCT };
}
