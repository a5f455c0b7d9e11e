/**
 * The library's door: what an exported function checks about its arguments before it runs.
 *
 * The algorithms below trust their inputs (a node is a node, a rational is reduced, a spec is
 * validated), because checking inside hot loops would cost what the algorithms are fast for.
 * So the public API wraps each exported function once, at the boundary (the files beside this
 * one, re-exported by src/api.ts): a wrong argument — a missing one, a string where a node
 * belongs, NaN, a spec past its budget — becomes an {@link ArgumentError} naming the function,
 * the argument and what was expected, instead of a TypeError from deep inside or a wrong answer.
 * Code inside the library calls the unwrapped functions and pays nothing.
 *
 * A check is plain data: what is expected, in words, and a test. Composite checks (arrays,
 * options objects, shapes) say where inside the value the first misfit is.
 */
import { ClosedformError, describeValue, quote } from '../expr/errors.js';
import { IDENTIFIER_RULE, isIdentifier, isNode } from '../expr/node.js';
import { type Rational, gcd } from '../expr/rational.js';

/** A wrong argument of an exported function: names the function, the argument (and where inside it), and what was expected. */
export class ArgumentError extends ClosedformError {
  override readonly name = 'ArgumentError';
  constructor(
    /** the exported function */
    readonly fn: string,
    /** the argument as declared, with the path inside it (`spec.widths[0]`) */
    readonly arg: string,
    message: string,
  ) {
    super(`${fn}(): ${arg} ${message}`);
  }
}

/** Where a value does not fit: the path inside it ('' at its top) and the sentence after the argument's name. */
export interface Miss {
  readonly at: string;
  readonly says: string;
}

/** A check of one value. */
export interface Arg {
  /** what is expected, in words ("a string", "an integer from 1 to 32") */
  readonly expected: string;
  /** the plural, for arrays of them ("strings"); absent: "an array (each entry …)" */
  readonly many?: string;
  /** undefined when the value fits */
  readonly check: (x: unknown) => Miss | undefined;
}

const mismatch = (expected: string, x: unknown, at = ''): Miss => ({ at, says: `must be ${expected}, got ${describeValue(x)}` });

/** A check from a predicate. */
export const arg = (expected: string, ok: (x: unknown) => boolean, many?: string): Arg => ({
  expected,
  ...(many !== undefined ? { many } : {}),
  check: (x) => (ok(x) ? undefined : mismatch(expected, x)),
});

/** Longest array (or string) any argument may be: far past anything the algorithms finish on. */
export const MAX_LENGTH = 10_000_000;

export const any: Arg = { expected: 'any value', check: () => undefined };
export const str: Arg = arg('a string', (x) => typeof x === 'string' && x.length <= MAX_LENGTH, 'strings');
export const name: Arg = arg(`a name (${IDENTIFIER_RULE})`, (x) => typeof x === 'string' && isIdentifier(x), `names (${IDENTIFIER_RULE})`);
export const bool: Arg = arg('true or false', (x) => typeof x === 'boolean', 'booleans');
export const big: Arg = arg('a bigint', (x) => typeof x === 'bigint', 'bigints');
export const finite: Arg = arg('a finite number', (x) => typeof x === 'number' && Number.isFinite(x), 'finite numbers');
export const func: Arg = arg('a function', (x) => typeof x === 'function', 'functions');
export const node: Arg = arg('an expression node (from parse, sym, num, …)', isNode, 'expression nodes (from parse, sym, num, …)');

/** An integer number from min to max (both included). */
export const int = (min: number, max: number): Arg =>
  arg(`an integer from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`, (x) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max);

/** A finite number in [min, max]. */
export const between = (min: number, max: number): Arg =>
  arg(`a number from ${min} to ${max}`, (x) => typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max);

/** A bigint from min to max. */
export const bigBetween = (min: bigint, max: bigint): Arg => arg(`a bigint from ${min} to ${max}`, (x) => typeof x === 'bigint' && x >= min && x <= max);

/** An integer given as a number (any finite integer) or a bigint. */
export const integer: Arg = arg('an integer (a whole number or a bigint)', (x) => typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x)));

/** Whether a value is a rational of the library: bigint fields, denominator positive, reduced. */
export const isRational = (x: unknown): x is Rational => {
  if (typeof x !== 'object' || x === null) return false;
  const { n, d } = x as { n?: unknown; d?: unknown };
  return typeof n === 'bigint' && typeof d === 'bigint' && d > 0n && gcd(n, d) === 1n;
};
export const q: Arg = arg('an exact rational {n, d} in lowest terms, d > 0 (from Q or qparse)', isRational, 'exact rationals (from Q or qparse)');

/** One of a few literal values. */
export const oneOf = (...values: readonly (string | number | boolean)[]): Arg =>
  arg(values.map((v) => (typeof v === 'string' ? quote(v) : String(v))).join(' or '), (x) => values.includes(x as never));

/** Either check. */
export const either = (a: Arg, b: Arg): Arg => ({
  expected: `${a.expected}, or ${b.expected}`,
  check: (x) => {
    const ma = a.check(x);
    if (ma === undefined) return undefined;
    const mb = b.check(x);
    if (mb === undefined) return undefined;
    // a branch that got past the value's type (a path inside it, or a reason of its own) says more
    const specific = (m: Miss): boolean => m.at !== '' || !m.says.startsWith('must be ');
    if (specific(mb)) return mb;
    if (specific(ma)) return ma;
    return mismatch(`${a.expected}, or ${b.expected}`, x);
  },
});

/** Undefined, or what `a` checks. */
export const opt = (a: Arg): Arg => ({ expected: `${a.expected} (or undefined)`, check: (x) => (x === undefined ? undefined : a.check(x)) });

/** A value that passes `a` and then `extra` (which returns the reason it does not fit, or undefined). */
export const refine = (a: Arg, extra: (x: never) => string | undefined): Arg => ({
  expected: a.expected,
  check: (x) => {
    const m = a.check(x);
    if (m !== undefined) return m;
    const reason = extra(x as never);
    return reason === undefined ? undefined : { at: '', says: reason };
  },
});

const inside = (m: Miss, at: string): Miss => ({ at: `${at}${m.at}`, says: m.says });

/** An array (a plain one) of at most `max` entries, each passing `a`. */
export const arr = (a: Arg, max = MAX_LENGTH): Arg => {
  const expected = a.many !== undefined ? `an array of ${a.many}` : `an array (each entry ${a.expected})`;
  return {
    expected,
    check: (x) => {
      if (!Array.isArray(x)) return mismatch(expected, x);
      if (x.length > max) return { at: '', says: `has ${x.length} entries, more than the ${max.toLocaleString('en-US')} accepted` };
      for (let i = 0; i < x.length; i++) {
        const m = a.check(x[i]);
        if (m !== undefined) return inside(m, `[${i}]`);
      }
      return undefined;
    },
  };
};

/** A typed array of the given constructor name (`Float64Array`, `Int32Array`). */
export const typed = (ctor: string): Arg => arg(`a ${ctor}`, (x) => ArrayBuffer.isView(x) && x.constructor.name === ctor);

/** A Map with string keys, or a plain object, whose values pass `a`. */
export const mapOf = (a: Arg): Arg => {
  const expected = `a Map or a plain object from names to values (each ${a.expected})`;
  return {
    expected,
    check: (x) => {
      if (x instanceof Map) {
        for (const [k, v] of x) {
          if (typeof k !== 'string') return { at: '', says: `has the key ${describeValue(k)}; keys must be strings` };
          const m = a.check(v);
          if (m !== undefined) return inside(m, `.get(${quote(k, 40)})`);
        }
        return undefined;
      }
      if (!isPlainObject(x)) return mismatch(expected, x);
      for (const [k, v] of Object.entries(x)) {
        const m = a.check(v);
        if (m !== undefined) return inside(m, `[${quote(k, 40)}]`);
      }
      return undefined;
    },
  };
};

/** A plain object whose values pass `a`. */
export const recordOf = (a: Arg): Arg => {
  const inner = mapOf(a);
  return { expected: `a plain object from names to values (each ${a.expected})`, check: (x) => (isPlainObject(x) ? inner.check(x) : mismatch('a plain object from names to values', x)) };
};

/** A Map with string keys whose values pass `a`. */
export const mapOnly = (a: Arg): Arg => {
  const inner = mapOf(a);
  return { expected: `a Map from names to values (each ${a.expected})`, check: (x) => (x instanceof Map ? inner.check(x) : mismatch(`a Map from names to values`, x)) };
};

/** A plain object (an object literal or one without prototype; not an array, Map or class instance). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

const fieldsCheck = (fields: Readonly<Record<string, Arg>>, x: Record<string, unknown>): Miss | undefined => {
  for (const [k, a] of Object.entries(fields)) {
    const m = a.check(x[k]);
    if (m !== undefined) return inside(m, `.${k}`);
  }
  return undefined;
};

/**
 * An options object: a plain object (or undefined when `optional`) whose keys are among `fields`,
 * each value passing its check. An unknown key is refused: a misspelt option would otherwise be
 * ignored without a word.
 */
export const options = (fields: Readonly<Record<string, Arg>>): Arg => {
  const keys = Object.keys(fields);
  const expected = `an options object (keys ${keys.join(', ')})`;
  return {
    expected,
    check: (x) => {
      if (!isPlainObject(x)) return mismatch(expected, x);
      for (const k of Object.keys(x)) if (!Object.hasOwn(fields, k)) return { at: '', says: `has the unknown option ${quote(k, 40)} (options: ${keys.join(', ')})` };
      return fieldsCheck(fields, x);
    },
  };
};

/**
 * A data object of the library (a result passed back in, or data built by hand): an object with
 * at least these fields, each passing its check. Other fields are allowed; the check is of the
 * fields the function reads, not a proof that the object came from the library.
 */
export const shape = (what: string, fields: Readonly<Record<string, Arg>>): Arg => ({
  expected: what,
  check: (x) => (typeof x !== 'object' || x === null || Array.isArray(x) ? mismatch(what, x) : fieldsCheck(fields, x as Record<string, unknown>)),
});

/** Tagged union of data objects by a `kind` field (the regularisation, a step of a document). */
export const union = (what: string, tag: string, cases: Readonly<Record<string, Arg>>): Arg => ({
  expected: what,
  check: (x) => {
    if (typeof x !== 'object' || x === null) return mismatch(what, x);
    const t = (x as Record<string, unknown>)[tag];
    const c = typeof t === 'string' && Object.hasOwn(cases, t) ? cases[t] : undefined;
    if (c === undefined) return { at: `.${tag}`, says: `must be one of ${Object.keys(cases).map((k) => quote(k)).join(', ')}, got ${describeValue(t)}` };
    return c.check(x);
  },
});

/** A check defined later (for recursive shapes). */
export const lazy = (expected: string, get: () => Arg): Arg => ({ expected, check: (x) => get().check(x) });

/** Parameters of one function in declaration order; a name starting with `...` is a rest parameter. */
export type Params = Readonly<Record<string, Arg>>;

/** Check the arguments of `fn` against its parameters; throws the first misfit as an ArgumentError. */
export function checkArguments(fn: string, params: Params, args: readonly unknown[]): void {
  let i = 0;
  for (const [p, a] of Object.entries(params)) {
    if (p.startsWith('...')) {
      const restName = p.slice(3);
      for (let k = i; k < args.length; k++) report(fn, `${restName}[${k - i}]`, a, args[k]);
      return;
    }
    report(fn, p, a, args[i++]);
  }
}

function report(fn: string, p: string, a: Arg, x: unknown): void {
  let m: Miss | undefined;
  try {
    m = a.check(x);
  } catch (e) {
    // a proxy or a getter that throws: the value cannot be read, which is a wrong argument too
    m = { at: '', says: `cannot be read (${e instanceof Error ? e.message.split('\n')[0] : 'it throws'})` };
  }
  if (m !== undefined) throw new ArgumentError(fn, `${p}${m.at}`, m.says);
}

/**
 * A check between arguments once each has passed its own (a matrix that fits a spec, an index
 * below a length): the argument at fault and why, or undefined.
 */
export type Relation = (args: readonly unknown[]) => readonly [arg: string, says: string] | undefined;

function relate(fn: string, also: Relation | undefined, args: readonly unknown[]): void {
  if (also === undefined) return;
  let r: readonly [string, string] | undefined;
  try {
    r = also(args as never[]);
  } catch (e) {
    if (e instanceof ClosedformError) r = ['arguments', e.message];
    else throw e;
  }
  if (r !== undefined) throw new ArgumentError(fn, r[0], r[1]);
}

/**
 * `f` with its arguments checked at the door. The wrapper keeps `f`'s type, name and length;
 * extra arguments are ignored (as by `f`), so `nodes.map(toText)` still works.
 *
 * @example
 * ```ts
 * const safeSym = guard('sym', sym, { name });
 * safeSym(undefined as never); // throws ArgumentError: sym(): name must be a name (a letter or _, then letters, digits and _), got undefined
 * ```
 */
export function guard<F extends (...args: never[]) => unknown>(fn: string, f: F, params: Params, also?: Relation): F {
  const g = function (this: unknown, ...args: unknown[]): unknown {
    checkArguments(fn, params, args);
    relate(fn, also, args);
    return (f as unknown as (...a: unknown[]) => unknown).apply(this, args);
  };
  Object.defineProperty(g, 'name', { value: f.name || fn });
  Object.defineProperty(g, 'length', { value: f.length });
  GUARDED.add(g);
  return g as unknown as F;
}

/** `guard` for a function that returns a promise: a wrong argument rejects the promise. */
export function guardAsync<F extends (...args: never[]) => Promise<unknown>>(fn: string, f: F, params: Params, also?: Relation): F {
  const g = function (this: unknown, ...args: unknown[]): Promise<unknown> {
    try {
      checkArguments(fn, params, args);
      relate(fn, also, args);
    } catch (e) {
      return Promise.reject(e);
    }
    return (f as unknown as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  };
  Object.defineProperty(g, 'name', { value: f.name || fn });
  Object.defineProperty(g, 'length', { value: f.length });
  GUARDED.add(g);
  return g as unknown as F;
}

const GUARDED = new WeakSet<object>();

/** Whether a function is a guarded export (the test that every export is guarded uses it). */
export const isGuarded = (f: unknown): boolean => typeof f === 'function' && GUARDED.has(f);
