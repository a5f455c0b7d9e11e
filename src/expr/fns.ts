/**
 * The registry of named functions (`fn` nodes). The core knows a function only by its name and
 * the hooks below; each function's facets are declared once, in the file that owns it
 * (`elementary.ts` for exp/log/atan, one file per activation in `src/activations/`).
 */
import type { Rational } from './rational.js';
import type { Node } from './types.js';
import { ClosedformError } from './errors.js';

/** What every named function declares. */
export interface FnRuleBase {
  /** Registry name, as written in text: `sigmoid`. */
  readonly name: string;
  /** f'(u) as a node, for the chain rule d f(u) = f'(u)·du. */
  readonly derivative: (u: Node) => Node;
  /** f at a double. */
  readonly numeric: (x: number) => number;
  /** f at a rational when the value is rational (relu(−2) = 0, exp(0) = 1), else undefined. */
  readonly exact: (q: Rational) => Rational | undefined;
  /** LaTeX of f applied to an argument already in LaTeX (parenthesised as needed by the caller). */
  readonly latex: (arg: string) => string;
  /**
   * The definition in mathjs syntax in the variable `z`, built from mathjs's own primitives only,
   * so that mathjs evaluates printed text independently of our numeric code.
   */
  readonly mathjs: string;
}

/**
 * A piecewise function as two polynomial pieces split at 0: f(u) = above(u) for u > 0 and
 * atOrBelow(u) for u ≤ 0 (the side that holds u = 0 follows the project's H(0) = 0). `verify`
 * decides identities region by region with them.
 */
export interface Pieces {
  readonly above: (u: Node) => Node;
  readonly atOrBelow: (u: Node) => Node;
}

/**
 * A registered function: transcendental, or piecewise polynomial with its two pieces (both are
 * declined by `expand`). A piecewise rule without pieces does not compile.
 */
export type FnRule = FnRuleBase & ({ readonly kind: 'transcendental' } | { readonly kind: 'piecewise'; readonly pieces: Pieces });

const registry = new Map<string, FnRule>();

/** Register a function kind; registering the same name twice with another rule is an error. */
export function defineFn(rule: FnRule): FnRule {
  const old = registry.get(rule.name);
  if (old !== undefined && old !== rule) throw new ClosedformError(`function '${rule.name}' is already defined`);
  registry.set(rule.name, rule);
  return rule;
}

/** The rule of a registered function name, or undefined. */
export function lookupFn(name: string): FnRule | undefined {
  return registry.get(name);
}

/** All registered function names, sorted. */
export function fnNames(): string[] {
  return [...registry.keys()].sort();
}
