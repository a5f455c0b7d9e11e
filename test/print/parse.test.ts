import { describe, expect, it } from 'vitest';
import { ExprError, MAX_NESTING, ParseError, add, fn, mul, num, parse, pow, Q, sym } from '../../src/index.js';

const x = sym('x');
const KNOWN = 'arctan_sigmoid, atan, exp, heaviside, leaky_relu, log, relu, sigmoid, softplus, sqrt, tanh';
const y = sym('y');

describe('parser', () => {
  it.each([
    ['x + y', add(x, y)],
    ['2x'.replace('2x', '2*x'), mul(num(2), x)],
    ['x^-1', pow(x, -1)],
    ['x^(1/2)', pow(x, Q(1, 2))],
    ['sqrt(x)', pow(x, Q(1, 2))],
    ['x^0.5', pow(x, Q(1, 2))],
    ['2^-1', num(Q(1, 2))],
    ['-x^2', mul(num(-1), pow(x, 2))],
    ['x^2^-1', pow(x, Q(1, 2))], // right-associative: x^(2^-1)
    ['+x', x],
    ['--x', x],
    ['1.5e1', num(15)],
    ['  sigmoid( x )  ', fn('sigmoid', x)],
    ['tanh(x*y)', fn('tanh', mul(x, y))],
    ['pi', sym('pi')],
  ])('parse(%j)', (src, node) => expect(parse(src)).toBe(node));

  // [text, column, message fragment]; columns are 1-based and point at the offending token.
  it.each([
    ['', 1, 'expected an expression but found end of input'],
    ['   ', 4, 'expected an expression but found end of input'],
    ['x +', 4, "expected a number, a name or '(' but found end of input"],
    ['x + * y', 5, "expected a number, a name or '(' but found '*'"],
    ['(x + y', 7, "expected ')' but found end of input"],
    ['x + y)', 6, "expected an operator or the end but found ')'"],
    ['x y', 3, "expected an operator or the end but found 'y'"],
    ['2x', 2, "expected an operator or the end but found 'x'"],
    ['x $ y', 3, "unexpected character '$'"],
    ['  #', 3, "unexpected character '#'"],
    ['foo(x)', 1, `unknown function 'foo' (known: ${KNOWN})`],
    ['x + bar(y)', 5, `unknown function 'bar' (known: ${KNOWN})`],
    ['x^y', 2, 'the exponent must be a rational number'],
    ['x/0', 2, 'division by zero'],
    ['0^-1', 2, '0 raised to a negative power'],
    ['sigmoid(x', 10, "expected ')' but found end of input"],
    ['sigmoid()', 9, "expected a number, a name or '(' but found ')'"],
    ['x,y', 2, "expected an operator or the end but found ','"],
    ['1..2', 3, "expected an operator or the end but found '.2'"],
    ['x + 1e999999999', 5, 'the decimal exponent of 1e999999999 is beyond ±100000'],
  ])('parse(%j) fails at column %i: %s', (src, column, message) => {
    let err: unknown;
    try {
      parse(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect(err).toBeInstanceOf(ExprError);
    const pe = err as ParseError;
    expect(pe.column).toBe(column);
    expect(pe.message).toBe(`column ${column}: ${message}`);
    expect(pe.message).not.toContain('\n');
  });

  it('never evaluates code: text that would run in JavaScript is only a syntax error', () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    for (const src of ['globalThis.pwned = true', 'constructor.constructor("globalThis.pwned=true")()', '`${1}`', 'x; process.exit(1)']) {
      expect(() => parse(src)).toThrow(ParseError);
    }
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
  });

  it('nesting: 1,000 levels parse, deeper is a ParseError, never a stack overflow', () => {
    expect(parse(`${'('.repeat(MAX_NESTING)}x${')'.repeat(MAX_NESTING)}`)).toBe(x);
    expect(parse(`${'tanh('.repeat(MAX_NESTING)}x${')'.repeat(MAX_NESTING)}`).kind).toBe('fn');
    expect(() => parse(`${'('.repeat(MAX_NESTING + 1)}x${')'.repeat(MAX_NESTING + 1)}`)).toThrow(
      new ParseError(`column ${MAX_NESTING + 1}: parentheses nested deeper than ${MAX_NESTING} levels`, MAX_NESTING + 1),
    );
    expect(parse(`${'-'.repeat(100_001)}x`)).toBe(mul(num(-1), x)); // signs need no nesting
  });
  it('a sum of 20,000 terms is one flat sum (collected, not re-flattened per term)', () => {
    const e = parse(Array.from({ length: 20_000 }, (_, i) => `x${i}`).join(' + '));
    expect(e.kind === 'add' && e.args.length).toBe(20_000);
  });

  it('symbols named like JavaScript globals are just symbols', () => {
    expect(parse('constructor + __proto__ + process')).toBe(add(sym('constructor'), sym('__proto__'), sym('process')));
  });
});
