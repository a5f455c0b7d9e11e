/**
 * The expression DAG: six node kinds, interned so that one structure is one object.
 *
 * Nodes come only from the smart constructors below ({@link num}, {@link sym}, {@link add},
 * {@link mul}, {@link pow}, {@link fn}), which apply the light canonical forms listed in the
 * README (flatten, fold constants, drop 0 and 1, merge like terms and like bases, sort by a
 * structural order) and then look the structure up in one memo table. Hence:
 * - equality of expressions in canonical form is `===`;
 * - a formula is a DAG that shares subexpressions for free;
 * - `id` grows with creation, and a node's children are created before it, so sorting by id
 *   is a topological order.
 */
import {
  type Rational,
  ArithmeticError,
  ONE,
  PowerTooLargeError,
  Q,
  ZERO,
  qadd,
  qcmp,
  qisOne,
  qisZero,
  qmul,
  qpow,
  qtoString,
} from './rational.js';
import { lookupFn } from './fns.js';
import { ClosedformError, describeValue } from './errors.js';
import { textFormOf } from './text-form.js';
import type { Num, Sym, Add, Mul, Fn, Node, NodeKind } from './types.js';
export type { Num, Sym, Add, Mul, Pow, Fn, Node, NodeKind } from './types.js';

/** Raised for text or names the core cannot accept. */
export class ExprError extends ClosedformError {
  override readonly name: string = 'ExprError';
}

/** Exhaustiveness guard for `switch (node.kind)`. */
export function assertNever(x: never): never {
  // a bug, not a user error: a plain Error (the CLI reports it as internal), never a typed refusal
  throw new Error(`unexpected value ${describeValue(x)}`);
}

// ---------------------------------------------------------------------------------------------
// The text form: String(e), `${e}`, console.log(e), a REPL and a bare notebook cell show the
// formula, not the fields. Nodes inherit it from one frozen prototype that holds nothing else
// (algorithms stay free functions); the printer lives above this module, in print/inspect.ts,
// which installs it through expr/text-form.ts.

/** Node's `util.inspect` hook, by its registered name: `node:util` itself is not imported (browsers). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

const NODE_PROTO: object = Object.freeze({
  toString(this: Node): string {
    return textFormOf(this);
  },
  [INSPECT](this: Node): string {
    return textFormOf(this);
  },
});

// ---------------------------------------------------------------------------------------------
// The memo table: one object per structure, held weakly.
//
// The table maps a structure's key (kind and the ids of the children) to a weak reference to its
// node, so a long session (a notebook, the explorer) does not keep every formula it ever built:
// a node no one holds is collected, and its entry is removed after it (FinalizationRegistry).
// Interning stays exact: a node that is alive is found by its key, so one structure is still one
// object; a structure built again after its node was collected gets a new node with a new id.
// Ids are never reused, so a key naming a collected child cannot be asked for again (anyone
// holding the parent would hold the child), and ids still grow with creation: children first.
// A WeakRef's target lives at least to the end of the current job (the synchronous run that made
// it), so within one computation nothing is collected early, and nothing is kept after it.

const table = new Map<string, WeakRef<Node>>();
const cleanup = new FinalizationRegistry<string>((key) => {
  // The key may already hold a newer node of the same structure: remove only a dead entry.
  if (table.get(key)?.deref() === undefined) table.delete(key);
});
let nextId = 0;

/**
 * Deepest expression the constructors build (the text parser has its own, smaller bound,
 * MAX_NESTING = 1000 parentheses). Chains are walked without deep recursion (the printers in
 * topological order, the structural order looping on its tail), and 20 000-level chains are
 * tested; past this bound an expression built node by node is refused instead of risking the
 * stack in an algorithm that recurses on the structure (measured: 40 000 levels of exp(e + 1)
 * overflow the structural order inside sums).
 */
export const MAX_NODE_DEPTH = 25_000;

const depthOf = (children: readonly Node[]): number => {
  let d = 0;
  for (const c of children) if (c.depth > d) d = c.depth;
  return d + 1;
};

function intern<T extends Node>(key: string, make: (id: number) => T): T {
  const hit = table.get(key)?.deref();
  if (hit !== undefined) return hit as T;
  const made = make(nextId++);
  if (made.depth > MAX_NODE_DEPTH) throw new ExprError(`expression nested more than ${MAX_NODE_DEPTH} deep (MAX_NODE_DEPTH): build it in fewer levels`);
  const node = Object.freeze(Object.assign(Object.create(NODE_PROTO) as object, made)) as T;
  table.set(key, new WeakRef(node));
  cleanup.register(node, key);
  return node;
}

/**
 * Whether a value is an expression node: made by the constructors of this module (every node
 * has their one frozen prototype; an object of the same fields made by hand does not).
 *
 * @example
 * ```ts
 * isNode(parse('x + 1')); // true
 * isNode({ kind: 'sym', id: 0, name: 'x' }); // false
 * ```
 */
export const isNode = (x: unknown): x is Node => {
  if (typeof x !== 'object' || x === null) return false;
  try {
    return Object.getPrototypeOf(x) === NODE_PROTO;
  } catch {
    return false; // a proxy whose trap throws is not a node
  }
};

/**
 * Entries in the intern table: the nodes alive, plus collected ones whose entry is not yet
 * removed (removal runs after garbage collection, between jobs).
 *
 * @example
 * ```ts
 * import { internedCount, parse } from 'closedform';
 * const before = internedCount();
 * parse('x + y'); internedCount() > before; // true
 * ```
 */
export const internedCount = (): number => table.size;

// ---------------------------------------------------------------------------------------------
// Leaves.

/** An exact rational constant. `num(2)`, `num(Q(1, 3))`, `num(5n)`. */
export function num(v: Rational | number | bigint): Num {
  const q = typeof v === 'object' ? v : Q(v);
  return intern(`#${q.n}/${q.d}`, (id) => ({ kind: 'num', id, depth: 1, value: q }));
}

/**
 * The one identifier pattern (symbol names, variable and parameter names everywhere): a letter
 * or `_`, then letters, digits and `_`. The source of a regular expression, unanchored, so that a
 * tokenizer can embed it; {@link isIdentifier} tests a whole string.
 */
export const IDENTIFIER_PATTERN = '[A-Za-z_][A-Za-z0-9_]*';
/** The rule in words, for messages. */
export const IDENTIFIER_RULE = 'a letter or _, then letters, digits and _';
const IDENTIFIER = new RegExp(`^${IDENTIFIER_PATTERN}$`);

/**
 * Whether a string is an identifier (a name `sym` accepts).
 *
 * @example
 * ```ts
 * isIdentifier('w1_2_3'); // true
 * isIdentifier('2x');     // false
 * ```
 */
export const isIdentifier = (name: string): boolean => IDENTIFIER.test(name);

/** A symbol. Names are identifiers: a letter or `_`, then letters, digits and `_`. */
export function sym(name: string): Sym {
  if (!isIdentifier(name)) throw new ExprError(`invalid symbol name '${name}'`);
  return intern(`$${name}`, (id) => ({ kind: 'sym', id, depth: 1, name }));
}

/** The interned constants 0, 1 and −1. */
export const ZERO_NODE = num(ZERO);
export const ONE_NODE = num(ONE);
export const MINUS_ONE_NODE = num(-1);

// ---------------------------------------------------------------------------------------------
// Sums: c + Σ kᵢ·tᵢ, terms tᵢ merged by identity.

/** Split a term into its rational coefficient and the rest (`3·x·y → [3, x·y]`). */
export function splitCoefficient(t: Node): [Rational, Node] {
  if (t.kind === 'num') return [t.value, ONE_NODE];
  if (t.kind === 'mul' && t.args[0]!.kind === 'num') {
    const rest = t.args.length === 2 ? t.args[1]! : rawMul(t.args.slice(1));
    return [t.args[0]!.value, rest];
  }
  return [ONE, t];
}

/**
 * Sum with flattening, constant folding and merging of like terms.
 *
 * A multiple k·S of a sum S among the terms is distributed (its terms join this sum with
 * coefficient k) when it must be, and only then: when k = 1 (a nested sum), or when one of S's
 * terms also occurs among the other terms, so that they merge or cancel: x + y − (x + y) = 0,
 * 2(x + y) + x = 3x + 2y. Otherwise it stays as written: 2(b + w − 3) + 4(b + 2w − 5), z − (x + 1).
 * Distributing adds terms, so this repeats to a fixpoint; the set of keys only grows, so the
 * fixpoint, and the result, do not depend on the order of the arguments.
 */
export function add(...xs: readonly Node[]): Node {
  let c = ZERO;
  const terms = new Map<Node, Rational>(); // coefficient-free term (never a sum) → coefficient
  const scaled = new Map<Node, Rational>(); // sum S → k, for the terms k·S
  const bump = (m: Map<Node, Rational>, key: Node, k: Rational): void => {
    const old = m.get(key);
    m.set(key, old === undefined ? k : qadd(old, k));
  };
  const push = (t: Node, k: Rational): void => {
    if (t.kind === 'num') c = qadd(c, qmul(k, t.value));
    else if (t.kind === 'add') for (const a of t.args) push(a, k);
    else {
      const [kt, rest] = splitCoefficient(t);
      bump(rest.kind === 'add' ? scaled : terms, rest, qmul(k, kt));
    }
  };
  for (const x of xs) push(x, ONE);
  const overlaps = (sum: Node): boolean =>
    sum.kind === 'add' && sum.args.some((a) => a.kind !== 'num' && terms.has(splitCoefficient(a)[1]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [sum, k] of scaled) {
      if (!qisOne(k) && !overlaps(sum)) continue;
      scaled.delete(sum);
      push(sum, k);
      changed = true;
    }
  }
  const out: Node[] = [];
  for (const m of [terms, scaled]) for (const [rest, k] of m) if (!qisZero(k)) out.push(scale(k, rest));
  if (out.length === 0) return num(c);
  out.sort(compare);
  if (!qisZero(c)) out.unshift(num(c));
  if (out.length === 1) return out[0]!;
  return intern(`+${out.map((a) => a.id).join(',')}`, (id) => ({ kind: 'add', id, depth: depthOf(out), args: Object.freeze(out) }));
}

/** k·t for a coefficient-free term t. */
function scale(k: Rational, t: Node): Node {
  if (qisOne(k)) return t;
  if (t.kind === 'num') return num(qmul(k, t.value));
  if (t.kind === 'mul') return rawMul([num(k), ...t.args]);
  return rawMul([num(k), t]);
}

/** Intern an already-canonical argument list as a product. */
function rawMul(args: readonly Node[]): Node {
  if (args.length === 1) return args[0]!;
  return intern(`*${args.map((a) => a.id).join(',')}`, (id) => ({ kind: 'mul', id, depth: depthOf(args), args: Object.freeze([...args]) }));
}

// ---------------------------------------------------------------------------------------------
// Products: c · Π bᵢ^eᵢ, bases merged by identity.

/** Product with flattening, constant folding, 0·e → 0, and merging of like bases. */
export function mul(...xs: readonly Node[]): Node {
  let c = ONE;
  const bases = new Map<Node, Rational>();
  const push = (f: Node): void => {
    switch (f.kind) {
      case 'num':
        c = qmul(c, f.value);
        return;
      case 'mul':
        for (const a of f.args) push(a);
        return;
      case 'pow': {
        const old = bases.get(f.base);
        bases.set(f.base, old === undefined ? f.exp : qadd(old, f.exp));
        return;
      }
      case 'sym':
      case 'add':
      case 'fn': {
        const old = bases.get(f);
        bases.set(f, old === undefined ? ONE : qadd(old, ONE));
        return;
      }
      default:
        assertNever(f);
    }
  };
  for (const x of xs) push(x);
  if (qisZero(c)) return ZERO_NODE;
  const factors: Node[] = [];
  let again = false;
  for (const [b, e] of bases) {
    if (qisZero(e)) continue;
    const p = pow(b, e);
    if (p.kind === 'num') c = qmul(c, p.value);
    else {
      // The merged power may fold into a product or onto another base, which must then be
      // flattened and merged once more: (x·y)^(1/2)·(x·y)^(1/2) = x·y, and
      // (x²)^(1/2)·(x²)^(1/2)·x = x²·x = x³.
      if (p.kind === 'mul' || (p.kind === 'pow' ? p.base : p) !== b) again = true;
      factors.push(p);
    }
  }
  if (again) return mul(num(c), ...factors);
  if (qisZero(c)) return ZERO_NODE;
  if (factors.length === 0) return num(c);
  factors.sort(compare);
  if (!qisOne(c)) factors.unshift(num(c));
  return rawMul(factors);
}

// ---------------------------------------------------------------------------------------------
// Powers.

/**
 * base^e for a rational exponent. Folds: e = 0 → 1, e = 1 → base, numbers whose power is
 * rational, (b^a)^e → b^(a·e) when e is an integer (always valid), products to an integer
 * power stay unexpanded.
 */
export function pow(base: Node, e: Rational | number | Node): Node {
  const ex = typeof e === 'number' ? Q(e) : 'kind' in e ? numericValue(e, 'exponent') : e;
  if (qisZero(ex)) {
    if (base.kind === 'num' && qisZero(base.value)) return ONE_NODE; // 0^0 = 1 by convention
    return ONE_NODE;
  }
  if (qisOne(ex)) return base;
  if (base.kind === 'num') {
    if (qisZero(base.value) && ex.n < 0n) throw new ArithmeticError('0 raised to a negative power');
    const v = foldPower(base.value, ex);
    if (v !== undefined) return num(v);
  }
  if (base.kind === 'pow' && ex.d === 1n) return pow(base.base, qmul(base.exp, ex));
  // An integer power of a product with a numeric coefficient keeps the coefficient outside:
  // (c·m)^k = c^k·m^k. Without this, c·m and (c·m)^k would not merge in products.
  if (base.kind === 'mul' && ex.d === 1n) return mul(...base.args.map((a) => pow(a, ex)));
  return intern(`^${base.id},${qtoString(ex)}`, (id) => ({ kind: 'pow', id, depth: base.depth + 1, base, exp: ex }));
}

/** qpow, except that a power too large to compute exactly stays symbolic (`2^1000000000`). */
function foldPower(b: Rational, e: Rational): Rational | undefined {
  try {
    return qpow(b, e);
  } catch (err) {
    if (err instanceof PowerTooLargeError) return undefined;
    throw err;
  }
}

function numericValue(e: Node, what: string): Rational {
  if (e.kind !== 'num') throw new ExprError(`${what} must be a rational number`);
  return e.value;
}

// ---------------------------------------------------------------------------------------------
// Functions.

/** f(arg) for a registered function name; a numeric argument folds when the value is rational. */
export function fn(name: string, arg: Node): Node {
  const rule = lookupFn(name);
  if (rule === undefined) throw new ExprError(`unknown function '${name}'`);
  if (arg.kind === 'num') {
    const v = rule.exact(arg.value);
    if (v !== undefined) return num(v);
  }
  return intern(`f${name}:${arg.id}`, (id) => ({ kind: 'fn', id, depth: arg.depth + 1, name, arg }));
}

// ---------------------------------------------------------------------------------------------
// Derived constructors.

/**
 * Derived constructors: −a = (−1)·a, a − b = a + (−1)·b, a/b = a·b^(−1).
 *
 * @example
 * ```ts
 * import { div, sub, sym, toText } from 'closedform';
 * toText(div(sub(sym('x'), sym('y')), sym('z'))); // '(x - y)/z'
 * ```
 */
export const neg = (a: Node): Node => mul(MINUS_ONE_NODE, a);
export const sub = (a: Node, b: Node): Node => add(a, neg(b));
export const div = (a: Node, b: Node): Node => mul(a, pow(b, -1));

/** The children of a node, in order. */
export function children(e: Node): readonly Node[] {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return [];
    case 'add':
    case 'mul':
      return e.args;
    case 'pow':
      return [e.base];
    case 'fn':
      return [e.arg];
    default:
      return assertNever(e);
  }
}

/** Rebuild a node of e's kind from new children (`rebuild(e, children(e)) === e`). */
export function rebuild(e: Node, args: readonly Node[]): Node {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return e;
    case 'add':
      return add(...args);
    case 'mul':
      return mul(...args);
    case 'pow':
      return pow(args[0]!, e.exp);
    case 'fn':
      return fn(e.name, args[0]!);
    default:
      return assertNever(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Structural order: depends only on structure, never on ids, so output is deterministic.

const RANK: Record<NodeKind, number> = { num: 0, sym: 1, pow: 2, fn: 3, mul: 4, add: 5 };

/** Total order on nodes: numbers, then symbols (natural order of names), powers by base, … */
export function compare(a: Node, b: Node): number {
  // Comparisons in tail position loop instead of recursing, so that long chains such as
  // σ(σ(…σ(x)…)) against σ(σ(…σ(y)…)) compare without deep recursion.
  for (;;) {
    if (a === b) return 0;
    // Powers sort by their base first so that x, x², y come out in that order.
    const ba = a.kind === 'pow' ? a.base : a;
    const bb = b.kind === 'pow' ? b.base : b;
    if (ba !== bb && (a.kind === 'pow' || b.kind === 'pow')) {
      a = ba;
      b = bb;
      continue;
    }
    if (ba === bb) return qcmp(a.kind === 'pow' ? a.exp : ONE, b.kind === 'pow' ? b.exp : ONE);
    if (a.kind !== b.kind) return RANK[a.kind] - RANK[b.kind];
    switch (a.kind) {
      case 'num':
        return qcmp(a.value, (b as Num).value);
      case 'sym':
        return compareNames(a.name, (b as Sym).name);
      case 'fn': {
        const f = b as Fn;
        if (a.name !== f.name) return a.name < f.name ? -1 : 1;
        a = a.arg;
        b = f.arg;
        continue;
      }
      case 'add':
      case 'mul': {
        const bs = (b as Add | Mul).args;
        const n = Math.min(a.args.length, bs.length);
        for (let i = 0; i < n; i++) {
          const c = compare(a.args[i]!, bs[i]!);
          if (c !== 0) return c;
        }
        return a.args.length - bs.length;
      }
      case 'pow':
        return 0; // unreachable: handled above
      default:
        return assertNever(a);
    }
  }
}

const CHUNK = /\d+|\D+/g;

/**
 * Names whose runs are cached. Sorting compares the same few names again and again; a session
 * that makes millions of fresh names (200 000 throwaway parses) must not keep them all, so the
 * cache starts over when full (~100 bytes a name: a few MB at most).
 */
const CHUNK_CACHE_NAMES = 1 << 15;

/** The digit and non-digit runs of a name, cached: sorting compares the same names again and again. */
const chunkCache = new Map<string, readonly string[]>();
function chunksOf(name: string): readonly string[] {
  let c = chunkCache.get(name);
  if (c === undefined) {
    c = name.match(CHUNK) ?? [];
    if (chunkCache.size >= CHUNK_CACHE_NAMES) chunkCache.clear();
    chunkCache.set(name, c);
  }
  return c;
}

/** Natural order of names: `x2 < x10`, `w1_2_1 < w1_10_1`. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const ca = chunksOf(a);
  const cb = chunksOf(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}
