/**
 * The Hessian at a rational point, exactly: the gradient and the P × P matrix of second
 * derivatives evaluated over Q, the matrix's inertia by LDLᵀ with 1×1 and 2×2 pivots
 * (poly/inertia.ts, Sylvester's law), and — where the gradient is exactly zero — the type of the
 * critical point read off the inertia by the same rule the critical-point census uses
 * (certify.ts `typeFromInertia`): all eigenvalues positive, a strict local minimum; all negative,
 * a strict maximum; both signs, a saddle; a zero eigenvalue, degenerate (second order does not
 * decide). Away from a critical point the inertia describes only the local curvature.
 */
import { type Rational, qisZero, qtoString } from '../expr/rational.js';
import { type Node, assertNever } from '../expr/node.js';
import { evaluateExactMany, freeSymbols, topoOrder } from '../expr/walk.js';
import type { SymbolicHessian } from '../diff/hessian.js';
import { type Inertia, rationalInertia } from '../poly/inertia.js';
import { type CertifiedKind, typeFromInertia } from './certify.js';
import { AnalysisError } from './errors.js';

/** How the quadratic form θᵀHθ behaves, from the inertia alone. */
export type Definiteness = 'positive definite' | 'negative definite' | 'positive semidefinite' | 'negative semidefinite' | 'indefinite' | 'zero';

/** The exact Hessian at a rational point and what it says. */
export interface HessianAtPoint {
  readonly vars: readonly string[];
  /** ∂e/∂vᵢ at the point */
  readonly gradient: readonly Rational[];
  /** ∂²e/∂vᵢ∂vⱼ at the point (symmetric) */
  readonly matrix: readonly (readonly Rational[])[];
  /** the gradient is exactly zero */
  readonly critical: boolean;
  readonly inertia: Inertia;
  readonly definiteness: Definiteness;
  /** the type of the critical point; absent when the point is not critical */
  readonly type?: CertifiedKind;
}

export const definiteness = (I: Inertia): Definiteness => {
  const n = I.positive + I.negative + I.zero;
  if (I.zero === n) return 'zero';
  if (I.positive > 0 && I.negative > 0) return 'indefinite';
  if (I.positive > 0) return I.zero === 0 ? 'positive definite' : 'positive semidefinite';
  return I.zero === 0 ? 'negative definite' : 'negative semidefinite';
};

/**
 * Gradient, Hessian, inertia and type at a rational point. `point` gives a value to every free
 * symbol of the Hessian's entries (a name that does not occur is refused as a likely typo).
 * Throws AnalysisError when a value is missing or not rational there (σ(1/2), √2, …).
 *
 * @example
 * ```ts
 * import { symbolicHessian, hessianAt, parse, Q } from 'closedform';
 * const at = hessianAt(symbolicHessian(parse('x^2 - y^2'), ['x', 'y']), new Map([['x', Q(0)], ['y', Q(0)]]));
 * at.type; // 'saddle'; at.inertia is { positive: 1, negative: 1, zero: 0 }
 * ```
 */
export function hessianAt(H: SymbolicHessian, point: ReadonlyMap<string, Rational>, known: readonly Node[] = []): HessianAtPoint {
  const P = H.vars.length;
  const upper = H.entries.flatMap((row, i) => row.slice(i));
  const roots = [...H.gradient, ...upper];
  // names that may be given: the free symbols of the entries, the variables themselves, and
  // those of any node the caller names as belonging to the problem (the loss)
  const free = freeSymbols(...roots, ...known);
  const allowed = new Set([...free, ...H.vars]);
  for (const name of point.keys())
    if (!allowed.has(name)) throw new AnalysisError(`unknown name '${name}' in the point: the variables are ${[...allowed].join(', ')}`);
  const missing = free.filter((s) => !point.has(s));
  if (missing.length > 0) throw new AnalysisError(`the point gives no value for ${missing.join(', ')}`);
  const values = evaluateExactMany(roots, point);
  const bad = values.findIndex((v) => v === undefined);
  if (bad >= 0) {
    const what = bad < P ? `∂/∂${H.vars[bad]}` : `a second derivative`;
    throw new AnalysisError(
      `${what} is not rational at this point (it involves ${irrationalSources(roots[bad]!)}): exact values need rational arithmetic throughout; the numeric engine (closedform check) gives floats`,
    );
  }
  const gradient = values.slice(0, P) as Rational[];
  const matrix: Rational[][] = Array.from({ length: P }, () => new Array<Rational>(P));
  let k = P;
  for (let i = 0; i < P; i++)
    for (let j = i; j < P; j++) {
      const v = values[k++]!;
      matrix[i]![j] = v;
      matrix[j]![i] = v;
    }
  const I = rationalInertia(matrix);
  const critical = gradient.every(qisZero);
  return { vars: H.vars, gradient, matrix, critical, inertia: I, definiteness: definiteness(I), ...(critical ? { type: typeFromInertia(I) } : {}) };
}

/** The functions and fractional powers of a node: what can make a value at a rational point irrational. */
function irrationalSources(e: Node): string {
  const names = new Set<string>();
  for (const n of topoOrder(e)) {
    switch (n.kind) {
      case 'fn':
        names.add(n.name);
        break;
      case 'pow':
        if (n.exp.d !== 1n) names.add(`powers ^${qtoString(n.exp)}`);
        break;
      case 'num':
      case 'sym':
      case 'add':
      case 'mul':
        break;
      default:
        assertNever(n);
    }
  }
  return names.size > 0 ? [...names].sort().join(', ') : 'no function or fractional power';
}
