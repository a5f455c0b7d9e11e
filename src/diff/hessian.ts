/**
 * The Hessian, forward-over-reverse on the shared DAG.
 *
 * One reverse sweep gives the gradient gᵢ = ∂e/∂vᵢ for every i (reverse.ts), sharing its nodes
 * with e. Then, per variable vⱼ, one forward sweep (forward.ts `diffMany`) over the gradient's
 * DAG differentiates every gᵢ with i ≤ j at once: column j of the upper triangle,
 * Hᵢⱼ = ∂gᵢ/∂vⱼ = ∂²e/∂vᵢ∂vⱼ. A forward sweep visits each node of the gradient DAG once and
 * builds at most a few nodes per node visited, so the P sweeps add at most a small constant times
 * P × |gradient DAG| nodes — the Hessian's size grows like P times the gradient's, never like the
 * P² entries written out separately. The lower triangle is the same nodes (Schwarz's theorem
 * ∂²e/∂vᵢ∂vⱼ = ∂²e/∂vⱼ∂vᵢ holds for the C² pieces; at a kink of relu the one-sided rules agree,
 * with H′ = 0, heaviside's derivative taken as 0 as everywhere in the library).
 */
import type { Node } from '../expr/node.js';
import { dagSize } from '../expr/walk.js';
import { diffMany } from './forward.js';
import { grad } from './reverse.js';

/** The gradient and Hessian of one expression in the variables `vars` (in that order). */
export interface SymbolicHessian {
  readonly vars: readonly string[];
  /** gradient[i] = ∂e/∂vars[i] */
  readonly gradient: readonly Node[];
  /** entries[i][j] = ∂²e/∂vars[i]∂vars[j]; entries[j][i] is the same node */
  readonly entries: readonly (readonly Node[])[];
}

/**
 * ∂²e/∂vᵢ∂vⱼ for all i, j: one reverse sweep for the gradient, then one forward sweep per
 * variable over the gradient's shared DAG.
 *
 * @example
 * ```ts
 * import { symbolicHessian, parse, toText } from 'closedform';
 * const H = symbolicHessian(parse('x^2*y + y^3'), ['x', 'y']);
 * H.entries.map((row) => row.map(toText)); // [['2*y', '2*x'], ['2*x', '6*y']]
 * ```
 */
export function symbolicHessian(e: Node, vars: readonly string[]): SymbolicHessian {
  const g = grad(e, vars);
  const gradient = vars.map((v) => g.get(v)!);
  const P = vars.length;
  const entries: Node[][] = Array.from({ length: P }, () => new Array<Node>(P));
  for (let j = 0; j < P; j++) {
    // column j of the upper triangle: ∂gᵢ/∂vⱼ for i ≤ j, in one sweep over their shared DAG
    const column = diffMany(gradient.slice(0, j + 1), vars[j]!);
    column.forEach((h, i) => {
      entries[i]![j] = h;
      entries[j]![i] = h;
    });
  }
  return { vars: [...vars], gradient, entries };
}

/** The upper triangle i ≤ j, row by row: the P(P+1)/2 distinct entries. */
export const upperEntries = (H: SymbolicHessian): Node[] => H.entries.flatMap((row, i) => row.slice(i));

/**
 * Sizes that say what the Hessian costs: distinct nodes of e, of e with its gradient, and of e
 * with gradient and Hessian (shared subexpressions counted once).
 */
export function hessianSizes(e: Node, H: SymbolicHessian): { forwardDagSize: number; gradientDagSize: number; hessianDagSize: number } {
  return {
    forwardDagSize: dagSize(e),
    gradientDagSize: dagSize(e, ...H.gradient),
    hessianDagSize: dagSize(e, ...H.gradient, ...upperEntries(H)),
  };
}
