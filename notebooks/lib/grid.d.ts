import type { Node } from '../../dist/index.js';

/** Most grid points evaluated; each is one exact evaluation of the DAG. */
export declare const MAX_GRID_POINTS: number;

/** Degree of e in each variable (an upper bound), or undefined when e is not a polynomial. */
export declare function degreeBounds(e: Node): Map<string, number> | undefined;

export interface GridVerdict {
  /** lhs = rhs as polynomials (proved when true; `at` is a counterexample when false). */
  holds: boolean;
  vars: string[];
  /** degree bound per variable, in the order of `vars` */
  degrees: number[];
  /** grid points evaluated */
  points: number;
  at?: Record<string, number>;
  value?: string;
}

/** Decide lhs = rhs as polynomials by exact evaluation on the grid {0,…,dᵢ} in each variable. */
export declare function gridIdentity(lhs: Node, rhs: Node): GridVerdict;

