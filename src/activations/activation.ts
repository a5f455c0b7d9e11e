/**
 * What an activation is: every facet in one record, so that a missing facet does not compile.
 * One file per activation in this folder; `registry.ts` lists them.
 */
import type { FnRule } from '../expr/fns.js';
import { fn, type Node } from '../expr/node.js';

/** How an activation behaves algebraically; decides what `expand` and the analysis can do. */
export type Structure =
  | { readonly kind: 'polynomial'; readonly degree: number }
  | {
      readonly kind: 'piecewise';
      /** number of polynomial pieces and the degree of each, left to right */
      readonly pieces: number;
      readonly degrees: readonly number[];
      /** the breakpoint(s) in z */
      readonly breakpoints: readonly number[];
    }
  | { readonly kind: 'transcendental'; readonly reason: string };

export interface Activation {
  /** Registry name, as in specs and text: `relu`. */
  readonly name: string;
  /** Human name: `rectified linear unit`. */
  readonly title: string;
  /** σ(z) as a core node. */
  readonly apply: (z: Node) => Node;
  /** σ'(z) as a core node. */
  readonly derivative: (z: Node) => Node;
  /** LaTeX of σ applied to an argument already in LaTeX. */
  readonly latex: (arg: string) => string;
  /** The definition as a display equation: `\sigma(z) = \frac{1}{1+e^{-z}}`. */
  readonly definitionLatex: string;
  /** σ and σ' at doubles (for compiled numerics). */
  readonly numeric: (z: number) => number;
  readonly numericDerivative: (z: number) => number;
  /** σ and σ' in mathjs syntax in the variable `z`, from mathjs primitives only (the numeric engine's route). */
  readonly mathjs: string;
  readonly mathjsDerivative: string;
  readonly structure: Structure;
}

/** An activation that is a primitive function kind of the core: its facets come from the rule. */
export function fnActivation(
  rule: FnRule,
  rest: Pick<Activation, 'title' | 'definitionLatex' | 'numericDerivative' | 'mathjsDerivative' | 'structure'>,
): Activation {
  return Object.freeze({
    name: rule.name,
    apply: (z: Node) => fn(rule.name, z),
    derivative: rule.derivative,
    latex: rule.latex,
    numeric: rule.numeric,
    mathjs: rule.mathjs,
    ...rest,
  });
}
