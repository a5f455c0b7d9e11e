/**
 * Forward differentiation d/dx, memoised per node: each distinct node is differentiated once,
 * and a subexpression free of x is recognised once and differentiates to 0.
 */
import { lookupFn } from '../expr/fns.js';
import { type Node, ONE_NODE, ZERO_NODE, add, assertNever, mul, num, pow } from '../expr/node.js';
import { qsub } from '../expr/rational.js';
import { topoOrder } from '../expr/walk.js';

/**
 * The derivative of e with respect to the symbol x.
 *
 * @example
 * ```ts
 * import { diff, parse, toText } from 'closedform';
 * toText(diff(parse('x^3 + sigmoid(x)'), 'x')); // '3*x^2 + sigmoid(x)*(1 - sigmoid(x))'
 * ```
 */
export function diff(e: Node, x: string): Node {
  return diffMany([e], x)[0]!;
}

/**
 * d/dx of several roots in one forward sweep over their shared DAG: a node common to two roots
 * is differentiated once (this is the forward half of forward-over-reverse Hessians, where the
 * roots are the gradient entries, which share most of their nodes).
 *
 * @example
 * ```ts
 * import { diffMany, parse, toText } from 'closedform';
 * diffMany([parse('x^2*y'), parse('x*y')], 'x').map(toText); // ['2*x*y', 'y']
 * ```
 */
export function diffMany(roots: readonly Node[], x: string): Node[] {
  const d = new Map<Node, Node>();
  for (const n of topoOrder(...roots)) d.set(n, step(n, x, d));
  return roots.map((r) => d.get(r)!);
}

function step(n: Node, x: string, d: ReadonlyMap<Node, Node>): Node {
  switch (n.kind) {
    case 'num':
      return ZERO_NODE;
    case 'sym':
      return n.name === x ? ONE_NODE : ZERO_NODE;
    case 'add': // (Σ uᵢ)' = Σ uᵢ'
      return add(...n.args.map((a) => d.get(a)!));
    case 'mul': {
      // (Π uᵢ)' = Σᵢ uᵢ' Π_{j≠i} uⱼ
      const terms: Node[] = [];
      n.args.forEach((a, i) => {
        const da = d.get(a)!;
        if (da !== ZERO_NODE) terms.push(mul(da, ...n.args.filter((_, j) => j !== i)));
      });
      return add(...terms);
    }
    case 'pow': {
      // (u^r)' = r·u^(r−1)·u'
      const du = d.get(n.base)!;
      return du === ZERO_NODE ? ZERO_NODE : mul(num(n.exp), pow(n.base, qsub(n.exp, { n: 1n, d: 1n })), du);
    }
    case 'fn': {
      // f(u)' = f'(u)·u'
      const du = d.get(n.arg)!;
      return du === ZERO_NODE ? ZERO_NODE : mul(lookupFn(n.name)!.derivative(n.arg), du);
    }
    default:
      return assertNever(n);
  }
}
