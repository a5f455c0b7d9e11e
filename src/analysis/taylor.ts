/**
 * The Taylor surrogate of a transcendental network: every activation σ(z) replaced by its Taylor
 * polynomial T_N(z) = Σ_{k≤N} σ⁽ᵏ⁾(a)/k! · (z − a)^k around a rational point a. The surrogate is
 * polynomial, so collapse, least squares and critical points apply — but its answers are
 * answers about the surrogate, approximate for the network: label them so.
 *
 * The coefficients σ⁽ᵏ⁾(a)/k! come from the core's symbolic derivatives evaluated exactly when
 * they are rational (sigmoid and tanh at 0, arctan_sigmoid at 0); otherwise (softplus: log 2)
 * they are rounded to a rational with denominator 10⁶ and the surrogate says so.
 */
import { type Node, add, children, mul, num, pow, rebuild, sub, sym } from '../expr/node.js';
import { type Rational, Q, qdiv, qtoString } from '../expr/rational.js';
import { evaluate, evaluateExact, topoOrder } from '../expr/walk.js';
import { diff } from '../diff/forward.js';
import { getActivation } from '../activations/registry.js';
import type { Network } from '../network/build.js';
import { AnalysisError } from './errors.js';

/** Highest Taylor order offered: the surrogate's degree in θ grows like N^L, and so the system. */
export const MAX_TAYLOR_ORDER = 6;

export interface TaylorSurrogate {
  /** the network with every transcendental activation replaced by its Taylor polynomial */
  readonly net: Network;
  readonly order: number;
  readonly at: Rational;
  /** per activation: the polynomial used, as text in z, and whether its coefficients are exact */
  readonly polynomials: Readonly<Record<string, { readonly text: string; readonly exact: boolean }>>;
}

/** Σ_{k≤N} σ⁽ᵏ⁾(a)/k! (z − a)^k for the activation `name`, with a flag: coefficients exact. */
export function taylorPolynomial(name: string, order: number, at: Rational): { coeffs: Rational[]; exact: boolean } {
  const act = getActivation(name);
  if (act === undefined) throw new AnalysisError(`unknown activation '${name}'`);
  const z = sym('z');
  let d: Node = act.apply(z);
  let fact = 1n;
  let exact = true;
  const coeffs: Rational[] = [];
  for (let k = 0; k <= order; k++) {
    if (k > 0) {
      d = diff(d, 'z');
      fact *= BigInt(k);
    }
    let v = evaluateExact(d, { z: at });
    if (v === undefined) {
      exact = false;
      v = Q(Math.round(evaluate(d, { z: Number(at.n) / Number(at.d) }) * 1e6), 1e6);
    }
    coeffs.push(qdiv(v, Q(fact)));
  }
  return { coeffs, exact };
}

/**
 * Replace the transcendental activations of a network by Taylor polynomials of order N around a.
 *
 * @example
 * ```ts
 * const s = taylorSurrogate(buildNetwork(parseSpec('1-1:sigmoid')), 3, Q(0));
 * s.polynomials.sigmoid.text; // '1/2 + 1/4*z - 1/48*z^3'
 * ```
 */
export function taylorSurrogate(net: Network, order: number, at: Rational = Q(0)): TaylorSurrogate {
  if (!Number.isInteger(order) || order < 1 || order > MAX_TAYLOR_ORDER)
    throw new AnalysisError(`Taylor order ${order} is out of range: give an integer from 1 to ${MAX_TAYLOR_ORDER} (higher orders make the polynomial system explode)`);
  const polys = new Map<string, { coeffs: Rational[]; exact: boolean }>();
  for (const name of new Set(net.spec.activations)) {
    const st = getActivation(name)?.structure;
    if (st?.kind === 'transcendental') polys.set(name, taylorPolynomial(name, order, at));
  }
  const memo = new Map<Node, Node>();
  const rewrite = (e: Node): Node => {
    for (const n of topoOrder(e)) {
      if (memo.has(n)) continue;
      if (n.kind === 'num' || n.kind === 'sym') {
        memo.set(n, n);
        continue;
      }
      const args = children(n).map((c) => memo.get(c)!);
      const p = n.kind === 'fn' ? polys.get(n.name) : undefined;
      if (p !== undefined) {
        const u = sub(args[0]!, num(at));
        memo.set(n, add(...p.coeffs.map((c, k) => mul(num(c), pow(u, k)))));
      } else memo.set(n, rebuild(n, args));
    }
    return memo.get(e)!;
  };
  const surrogate: Network = {
    ...net,
    z: net.z.map((r) => r.map(rewrite)),
    a: net.a.map((r) => r.map(rewrite)),
    outputs: net.outputs.map(rewrite),
    loss: rewrite(net.loss),
  };
  const polynomials: Record<string, { text: string; exact: boolean }> = {};
  for (const [name, p] of polys) {
    const terms = p.coeffs.flatMap((c, k) => (c.n === 0n ? [] : [`${qtoString(c)}${k === 0 ? '' : k === 1 ? '*u' : `*u^${k}`}`]));
    polynomials[name] = { text: `${terms.join(' + ').replace(/\+ -/g, '- ')}${at.n === 0n ? '' : ` with u = z - ${qtoString(at)}`}`.replace(/u/g, at.n === 0n ? 'z' : 'u'), exact: p.exact };
  }
  return { net: surrogate, order, at, polynomials };
}
