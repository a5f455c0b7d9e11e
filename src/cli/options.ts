/**
 * Every option value of the command line, parsed by one strict function per kind.
 *
 * `Number(text)` reads `''` as 0, `' 3 '` as 3, `0x10` as 16 and `1e3` as 1000: an option parsed
 * that way answers a question that was not asked (`--digits ""` printed √2 to zero places). Here
 * an integer option is plain decimal digits — no sign, no spaces, no leading zeros, no exponent —
 * inside the range the option states, and anything else is one line naming the option, the value
 * (quoted with escapes) and what is accepted.
 */
import { IDENTIFIER_RULE, type Rational, isIdentifier, qparse, quote } from '../node/index.js';
import { UsageError } from './io.js';

/** Plain decimal digits without leading zeros: `0`, `7`, `120`. */
const DIGITS = /^(0|[1-9][0-9]*)$/;

/**
 * An integer option: `undefined` when not given (the caller's default applies), else a plain
 * integer in [min, max].
 *
 * @example
 * ```ts
 * integerOption('--digits', '12', { min: 1, max: 1000 }); // 12
 * integerOption('--digits', '0x10', { min: 1, max: 1000 }); // throws UsageError: bad --digits '0x10': a whole number from 1 to 1,000 (plain digits)
 * ```
 */
export function integerOption(name: string, text: string | undefined, range: { readonly min: number; readonly max: number }): number | undefined {
  if (text === undefined) return undefined;
  const n = DIGITS.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
    throw new UsageError(`bad ${name} ${quote(text)}: a whole number from ${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')} (plain digits)`);
  return n;
}

/** {@link integerOption} with a default. */
export const integerOr = (name: string, text: string | undefined, range: { readonly min: number; readonly max: number }, fallback: number): number =>
  integerOption(name, text, range) ?? fallback;

/** A decimal number as people write it: `1`, `-2.5`, `.5`, `3e-2` (no hex, no spaces, no `Infinity`). */
const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

/**
 * A comma-separated list of finite decimal numbers (`--input 1,2.5,-3e-2`).
 *
 * @example
 * ```ts
 * numberListOption('--input', '0.5,-1'); // [0.5, -1]
 * ```
 */
export function numberListOption(name: string, text: string): number[] {
  return text.split(',').map((part) => {
    const v = DECIMAL.test(part.trim()) && !/[\u0000-\u001f]/.test(part) ? Number(part.trim()) : Number.NaN;
    if (!Number.isFinite(v)) throw new UsageError(`bad ${name} ${quote(text)}: ${quote(part)} is not a decimal number (such as 1, -2.5 or 3e-2)`);
    return v;
  });
}

/**
 * An exact rational option (`--l2 1/10`, `--taylor-at 0.5`): an integer, a fraction or a decimal,
 * read exactly; `positive` refuses zero and negatives.
 *
 * @example
 * ```ts
 * rationalOption('--taylor-at', '1/2'); // { n: 1n, d: 2n }
 * ```
 */
export function rationalOption(name: string, text: string, accepted: string, positive = false): Rational {
  let q: Rational | undefined;
  try {
    q = /^[0-9+\-./eE]+$/.test(text) ? qparse(text) : undefined;
  } catch {
    q = undefined; // an exponent past the budget: not a value this option takes either
  }
  if (q === undefined || (positive && q.n <= 0n)) throw new UsageError(`bad ${name} ${quote(text)}: ${accepted}`);
  return q;
}

/** One of a few words (`--order grevlex|lex`). */
export function choiceOption<T extends string>(name: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`unknown ${name} ${quote(text)}: use ${choices.join(' or ')}`);
  return text as T;
}

/**
 * A comma-separated list of names (`--vars x,y`, `--params w1_1_1,b1_1`): each an identifier,
 * none repeated, at least one.
 *
 * @example
 * ```ts
 * nameListOption('--vars', 'x, y'); // ['x', 'y']
 * ```
 */
export function nameListOption(name: string, text: string): string[] {
  const names = text.split(',').map((s) => s.trim());
  if (names.length === 1 && names[0] === '') throw new UsageError(`${name} lists no name`);
  for (const v of names) if (!isIdentifier(v)) throw new UsageError(`bad name ${quote(v)} in ${name}: ${IDENTIFIER_RULE}`);
  const seen = new Set<string>();
  for (const v of names) {
    if (seen.has(v)) throw new UsageError(`${quote(v)} is listed twice in ${name}`);
    seen.add(v);
  }
  return names;
}
