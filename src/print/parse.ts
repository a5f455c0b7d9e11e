/**
 * Parser of the text syntax (the printer's inverse). It builds nodes with the smart
 * constructors and never evaluates code. Errors name the column and what was expected.
 *
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?          (right-associative; -x^2 is -(x^2), as in mathjs)
 *   primary := number | name | name '(' sum ')' | '(' sum ')'
 */
import { lookupFn } from '../expr/fns.js';
import { type Node, ExprError, add, div, fn, mul, neg, num, pow, sym } from '../expr/node.js';
import { ArithmeticError, qparse } from '../expr/rational.js';

/** A syntax error in expression text, with its 1-based column. */
export class ParseError extends ExprError {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

type Tok =
  | { t: 'num'; v: string; at: number }
  | { t: 'name'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

function describe(k: Tok): string {
  return k.t === 'end' ? 'end of input' : `'${k.v}'`;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^(),]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (m === null) {
      const j = i + (src.slice(i).length - src.slice(i).trimStart().length);
      throw new ParseError(`column ${j + 1}: unexpected character '${src[j]}'`, j + 1);
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3])!.length + 1;
    if (m[1] !== undefined) out.push({ t: 'num', v: m[1], at });
    else if (m[2] !== undefined) out.push({ t: 'name', v: m[2], at });
    else out.push({ t: 'op', v: m[3]!, at });
    i = re.lastIndex;
  }
  out.push({ t: 'end', at: src.length + 1 });
  return out;
}

/**
 * Parse text into a node.
 *
 * @example
 * ```ts
 * import { parse } from 'closedform';
 * parse('w1_1_1*x1 + b1_1') === parse('b1_1 + x1*w1_1_1'); // true: one structure, one object
 * ```
 */
export function parse(src: string): Node {
  const toks = tokenize(src);
  let k = 0;
  const peek = (): Tok => toks[k]!;
  const fail = (what: string): never => {
    const t = peek();
    throw new ParseError(`column ${t.at}: expected ${what} but found ${describe(t)}`, t.at);
  };
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const expectOp = (v: string): void => {
    if (!isOp(v)) fail(`'${v}'`);
    k++;
  };

  const sumExpr = (): Node => {
    let left = product();
    for (;;) {
      if (isOp('+')) {
        k++;
        left = add(left, product());
      } else if (isOp('-')) {
        k++;
        left = add(left, neg(product()));
      } else return left;
    }
  };
  const product = (): Node => {
    let left = unary();
    for (;;) {
      if (isOp('*')) {
        k++;
        left = mul(left, unary());
      } else if (isOp('/')) {
        const at = peek().at;
        k++;
        const right = unary();
        if (right.kind === 'num' && right.value.n === 0n) throw new ParseError(`column ${at}: division by zero`, at);
        left = div(left, right);
      } else return left;
    }
  };
  const unary = (): Node => {
    if (isOp('-')) {
      k++;
      return neg(unary());
    }
    if (isOp('+')) {
      k++;
      return unary();
    }
    return power();
  };
  const power = (): Node => {
    const base = primary();
    if (!isOp('^')) return base;
    const at = peek().at;
    k++;
    const ex = unary();
    if (ex.kind !== 'num') throw new ParseError(`column ${at}: the exponent must be a rational number`, at);
    try {
      return pow(base, ex.value);
    } catch (err) {
      if (err instanceof ArithmeticError) throw new ParseError(`column ${at}: ${err.message}`, at);
      throw err;
    }
  };
  const primary = (): Node => {
    const t = peek();
    if (t.t === 'num') {
      k++;
      const q = qparse(t.v);
      if (q === undefined) throw new ParseError(`column ${t.at}: bad number '${t.v}'`, t.at);
      return num(q);
    }
    if (t.t === 'name') {
      k++;
      if (!isOp('(')) return sym(t.v);
      if (t.v !== 'sqrt' && lookupFn(t.v) === undefined) {
        throw new ParseError(`column ${t.at}: unknown function '${t.v}'`, t.at);
      }
      k++;
      const arg = sumExpr();
      expectOp(')');
      return t.v === 'sqrt' ? pow(arg, { n: 1n, d: 2n }) : fn(t.v, arg);
    }
    if (isOp('(')) {
      k++;
      const inner = sumExpr();
      expectOp(')');
      return inner;
    }
    return fail('a number, a name or (');
  };

  if (peek().t === 'end') fail('an expression');
  const e = sumExpr();
  if (peek().t !== 'end') fail("an operator or the end");
  return e;
}
