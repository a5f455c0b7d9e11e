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
import { fnNames, lookupFn } from '../expr/fns.js';
import { type Node, ExprError, IDENTIFIER_PATTERN, add, fn, mul, neg, num, pow, sym } from '../expr/node.js';
import { ArithmeticError, qparse } from '../expr/rational.js';

/** A syntax error in expression text, with its 1-based column. */
export class ParseError extends ExprError {
  override readonly name = 'ParseError';
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Deepest nesting of parentheses and calls the parser accepts. The parser recurses once per
 * level and Node's default stack overflows near 4,000 levels (measured: 1,000 parse, 5,000
 * overflow); 1,000 is far beyond any formula a person writes, and a refusal is a clear error.
 */
export const MAX_NESTING = 1000;

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
  const re = new RegExp(String.raw`\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(${IDENTIFIER_PATTERN})|([-+*/^(),]))`, 'y');
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
  let depth = 0;
  const enter = (): void => {
    if (++depth > MAX_NESTING) {
      const at = peek().at;
      throw new ParseError(`column ${at}: parentheses nested deeper than ${MAX_NESTING} levels`, at);
    }
  };
  const expectOp = (v: string): void => {
    if (!isOp(v)) fail(`'${v}'`);
    k++;
  };

  // Terms and factors are collected and combined once: building a sum of n terms pairwise
  // would re-flatten it n times (quadratic) and intern every partial sum.
  const sumExpr = (): Node => {
    const terms = [product()];
    for (;;) {
      if (isOp('+')) {
        k++;
        terms.push(product());
      } else if (isOp('-')) {
        k++;
        terms.push(neg(product()));
      } else return terms.length === 1 ? terms[0]! : add(...terms);
    }
  };
  const product = (): Node => {
    const factors = [unary()];
    for (;;) {
      if (isOp('*')) {
        k++;
        factors.push(unary());
      } else if (isOp('/')) {
        const at = peek().at;
        k++;
        const right = unary();
        if (right.kind === 'num' && right.value.n === 0n) throw new ParseError(`column ${at}: division by zero`, at);
        factors.push(pow(right, -1));
      } else return factors.length === 1 ? factors[0]! : mul(...factors);
    }
  };
  const unary = (): Node => {
    // A run of signs is read without recursion: '---x' is −x.
    let negative = false;
    while (isOp('-') || isOp('+')) {
      if (isOp('-')) negative = !negative;
      k++;
    }
    const e = power();
    return negative ? neg(e) : e;
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
      let q;
      try {
        q = qparse(t.v);
      } catch (err) {
        if (err instanceof ArithmeticError) throw new ParseError(`column ${t.at}: ${err.message}`, t.at);
        throw err;
      }
      if (q === undefined) throw new ParseError(`column ${t.at}: bad number '${t.v}'`, t.at);
      return num(q);
    }
    if (t.t === 'name') {
      k++;
      if (!isOp('(')) return sym(t.v);
      if (t.v !== 'sqrt' && lookupFn(t.v) === undefined) {
        throw new ParseError(`column ${t.at}: unknown function '${t.v}' (known: ${[...fnNames(), 'sqrt'].sort().join(', ')})`, t.at);
      }
      enter();
      k++;
      const arg = sumExpr();
      expectOp(')');
      depth--;
      return t.v === 'sqrt' ? pow(arg, { n: 1n, d: 2n }) : fn(t.v, arg);
    }
    if (isOp('(')) {
      enter();
      k++;
      const inner = sumExpr();
      expectOp(')');
      depth--;
      return inner;
    }
    return fail("a number, a name or '('");
  };

  if (peek().t === 'end') fail('an expression');
  const e = sumExpr();
  if (peek().t !== 'end') fail("an operator or the end");
  return e;
}
