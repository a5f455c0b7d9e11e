/**
 * The six node kinds as types, apart from node.ts (which makes them) so that the modules node.ts
 * itself imports (the function registry, the text-form hook) can name them without an import
 * cycle. node.ts re-exports them: import them from there.
 */
import type { Rational } from './rational.js';

/** An exact rational constant. */
export interface Num {
  readonly kind: 'num';
  readonly id: number;
  /** Length of the longest path to a leaf (a leaf has depth 1); bounded by MAX_NODE_DEPTH (node.ts). */
  readonly depth: number;
  readonly value: Rational;
}
/** A named symbol (a variable, or a named constant such as `pi`). */
export interface Sym {
  readonly kind: 'sym';
  readonly id: number;
  /** Length of the longest path to a leaf (a leaf has depth 1); bounded by MAX_NODE_DEPTH (node.ts). */
  readonly depth: number;
  readonly name: string;
}
/** n-ary sum: ≥ 2 args, at most one number (first), no nested sums, distinct terms. */
export interface Add {
  readonly kind: 'add';
  readonly id: number;
  /** Length of the longest path to a leaf (a leaf has depth 1); bounded by MAX_NODE_DEPTH (node.ts). */
  readonly depth: number;
  readonly args: readonly Node[];
}
/** n-ary product: ≥ 2 args, at most one number (first, ≠ 0, 1), no nested products, distinct bases. */
export interface Mul {
  readonly kind: 'mul';
  readonly id: number;
  /** Length of the longest path to a leaf (a leaf has depth 1); bounded by MAX_NODE_DEPTH (node.ts). */
  readonly depth: number;
  readonly args: readonly Node[];
}
/** base^exp with a rational exponent ≠ 0, 1. */
export interface Pow {
  readonly kind: 'pow';
  readonly id: number;
  /** Length of the longest path to a leaf (a leaf has depth 1); bounded by MAX_NODE_DEPTH (node.ts). */
  readonly depth: number;
  readonly base: Node;
  readonly exp: Rational;
}
/** A named function of one argument (an elementary function or an activation). */
export interface Fn {
  readonly kind: 'fn';
  readonly id: number;
  /** Length of the longest path to a leaf (a leaf has depth 1); bounded by MAX_NODE_DEPTH (node.ts). */
  readonly depth: number;
  readonly name: string;
  readonly arg: Node;
}
/** An expression node: one of the six kinds, discriminated by `kind`. */
export type Node = Num | Sym | Add | Mul | Pow | Fn;
export type NodeKind = Node['kind'];
