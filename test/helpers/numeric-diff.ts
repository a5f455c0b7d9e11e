/** Numeric routes the derivative tests compare with: distance to a kink, and a five-point finite difference. */
import { type Node, evaluate, fnNames, lookupFn, topoOrder } from '../../src/index.js';

const PIECEWISE = new Set(fnNames().filter((f) => lookupFn(f)!.kind === 'piecewise'));

/** The smallest |argument| of a piecewise function (relu, heaviside, …) at the point: distance to a kink. */
export function kinkDistance(e: Node, p: Record<string, number>): number {
  let d = Infinity;
  for (const n of topoOrder(e)) if (n.kind === 'fn' && PIECEWISE.has(n.name)) d = Math.min(d, Math.abs(evaluate(n.arg, p)));
  return d;
}

/** ∂f/∂v by the five-point central stencil, error O(h⁴). */
export function finiteDifference(e: Node, p: Record<string, number>, v: string, h = 1e-3): number {
  const at = (t: number): number => evaluate(e, { ...p, [v]: p[v]! + t * h });
  return (8 * (at(1) - at(-1)) - (at(2) - at(-2))) / (12 * h);
}
