/**
 * Whole-DAG queries, each one visit per distinct node: topological order, sizes, free symbols,
 * substitution and evaluation.
 */
import { CONSTANTS } from './elementary.js';
import { lookupFn } from './fns.js';
import { type Node, assertNever, children, compareNames, rebuild } from './node.js';
import { type Rational, ONE, qadd, qmul, qpow, qtoNumber } from './rational.js';

/** All distinct nodes reachable from the roots, children before parents (ascending id). */
export function topoOrder(...roots: readonly Node[]): Node[] {
  const seen = new Set<Node>();
  const stack: Node[] = [...roots];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (seen.has(e)) continue;
    seen.add(e);
    for (const c of children(e)) if (!seen.has(c)) stack.push(c);
  }
  // Children are created before their parents, so ascending id is a topological order.
  return [...seen].sort((a, b) => a.id - b.id);
}

/** Number of distinct nodes of the DAG (shared subexpressions counted once). */
export const dagSize = (...roots: readonly Node[]): number => topoOrder(...roots).length;

/** Number of nodes of the expression written out as a tree (BigInt: it can be astronomically large). */
export function treeSize(e: Node): bigint {
  const memo = new Map<Node, bigint>();
  for (const n of topoOrder(e)) {
    let s = 1n;
    for (const c of children(n)) s += memo.get(c)!;
    memo.set(n, s);
  }
  return memo.get(e)!;
}

/** Free symbols (named constants such as π excluded), sorted by the natural order of names. */
export function freeSymbols(...roots: readonly Node[]): string[] {
  const names = new Set<string>();
  for (const n of topoOrder(...roots)) if (n.kind === 'sym' && !CONSTANTS.has(n.name)) names.add(n.name);
  // compareNames, not localeCompare: the same order as in printed sums, and independent of the ICU build.
  return [...names].sort(compareNames);
}

/** Replace symbols by nodes everywhere (one visit per node; canonical forms reapplied). */
export function substitute(e: Node, map: ReadonlyMap<string, Node> | Record<string, Node>): Node {
  const m = map instanceof Map ? map : new Map(Object.entries(map));
  if (m.size === 0) return e;
  const memo = new Map<Node, Node>();
  for (const n of topoOrder(e)) {
    if (n.kind === 'sym') memo.set(n, m.get(n.name) ?? n);
    else if (n.kind === 'num') memo.set(n, n);
    else {
      const old = children(n);
      const args = old.map((c) => memo.get(c)!);
      memo.set(n, args.every((a, i) => a === old[i]) ? n : rebuild(n, args));
    }
  }
  return memo.get(e)!;
}

/**
 * Exact value at a rational point, or undefined when the value is not rational
 * (e.g. σ(1), √2) or a symbol has no value. Division by zero throws ArithmeticError.
 */
export function evaluateExact(e: Node, point: ReadonlyMap<string, Rational> | Record<string, Rational>): Rational | undefined {
  const p = point instanceof Map ? point : new Map(Object.entries(point));
  const memo = new Map<Node, Rational | undefined>();
  for (const n of topoOrder(e)) memo.set(n, exactStep(n, p, memo));
  return memo.get(e);
}

/**
 * Exact values of several roots at a rational point in one visit of their shared DAG (a node
 * common to two roots is evaluated once); undefined entries as in {@link evaluateExact}.
 */
export function evaluateExactMany(
  roots: readonly Node[],
  point: ReadonlyMap<string, Rational> | Record<string, Rational>,
): (Rational | undefined)[] {
  const p = point instanceof Map ? point : new Map(Object.entries(point));
  const memo = new Map<Node, Rational | undefined>();
  for (const n of topoOrder(...roots)) memo.set(n, exactStep(n, p, memo));
  return roots.map((r) => memo.get(r));
}

function exactStep(n: Node, p: ReadonlyMap<string, Rational>, memo: Map<Node, Rational | undefined>): Rational | undefined {
  switch (n.kind) {
    case 'num':
      return n.value;
    case 'sym':
      return p.get(n.name);
    case 'add': {
      let s: Rational = { n: 0n, d: 1n };
      for (const a of n.args) {
        const v = memo.get(a);
        if (v === undefined) return undefined;
        s = qadd(s, v);
      }
      return s;
    }
    case 'mul': {
      let s = ONE;
      for (const a of n.args) {
        const v = memo.get(a);
        if (v === undefined) return undefined;
        s = qmul(s, v);
      }
      return s;
    }
    case 'pow': {
      const b = memo.get(n.base);
      return b === undefined ? undefined : qpow(b, n.exp);
    }
    case 'fn': {
      const a = memo.get(n.arg);
      return a === undefined ? undefined : lookupFn(n.name)!.exact(a);
    }
    default:
      return assertNever(n);
  }
}

/** Value at a point of doubles (the symbols' values by name; π known). NaN where undefined. */
export function evaluate(e: Node, point: ReadonlyMap<string, number> | Record<string, number>): number {
  const p = point instanceof Map ? point : new Map(Object.entries(point));
  const memo = new Map<Node, number>();
  for (const n of topoOrder(e)) memo.set(n, floatStep(n, p, memo));
  return memo.get(e)!;
}

function floatStep(n: Node, p: ReadonlyMap<string, number>, memo: Map<Node, number>): number {
  switch (n.kind) {
    case 'num':
      return qtoNumber(n.value);
    case 'sym': {
      const v = p.get(n.name) ?? CONSTANTS.get(n.name);
      if (v === undefined) throw new RangeError(`no value for symbol '${n.name}'`);
      return v;
    }
    case 'add':
      return n.args.reduce((s, a) => s + memo.get(a)!, 0);
    case 'mul':
      return n.args.reduce((s, a) => s * memo.get(a)!, 1);
    case 'pow':
      return Math.pow(memo.get(n.base)!, qtoNumber(n.exp));
    case 'fn':
      return lookupFn(n.name)!.numeric(memo.get(n.arg)!);
    default:
      return assertNever(n);
  }
}
