/**
 * Reverse mode over the DAG: all partial derivatives from one adjoint sweep.
 *
 * Walk the nodes in reverse topological order; a node's adjoint ∂e/∂n is the sum of the
 * contributions its parents pushed, built once as one n-ary sum; then push to the children by
 * the local rule of the node's kind (a table: one line per kind). Contributions go only to
 * children that depend on a wanted variable. The result shares every subexpression with e,
 * and costs a small constant times e's node count: the cheap-gradient principle, symbolically.
 */
import { lookupFn } from '../expr/fns.js';
import { type Node, ONE_NODE, ZERO_NODE, add, assertNever, children, mul, num, pow } from '../expr/node.js';
import { qsub, ONE } from '../expr/rational.js';
import { topoOrder } from '../expr/walk.js';

/**
 * ∂e/∂v for every name in vars, from one reverse sweep.
 *
 * @example
 * ```ts
 * import { grad, parse, toText } from 'closedform';
 * const g = grad(parse('(w*x + b - y)^2'), ['w', 'b']);
 * toText(g.get('b')!); // '2*(b - y + w*x)'
 * ```
 */
export function grad(e: Node, vars: readonly string[]): Map<string, Node> {
  const order = topoOrder(e);
  const wanted = new Set(vars);
  // live(n): n depends on some wanted variable (one forward pass).
  const live = new Set<Node>();
  const symbols = new Map<string, Node>();
  for (const n of order) {
    if (n.kind === 'sym') symbols.set(n.name, n);
    if (n.kind === 'sym' ? wanted.has(n.name) : children(n).some((c) => live.has(c))) live.add(n);
  }
  const pushed = new Map<Node, Node[]>();
  const give = (c: Node, contribution: Node): void => {
    if (!live.has(c) || contribution === ZERO_NODE) return;
    const list = pushed.get(c);
    if (list === undefined) pushed.set(c, [contribution]);
    else list.push(contribution);
  };
  pushed.set(e, [ONE_NODE]);
  const adjoint = new Map<Node, Node>();
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const list = pushed.get(n);
    if (list === undefined || !live.has(n)) continue;
    const a = list.length === 1 ? list[0]! : add(...list);
    pushed.delete(n);
    adjoint.set(n, a);
    backward(n, a, live, give);
  }
  const out = new Map<string, Node>();
  for (const v of vars) {
    const s = symbols.get(v);
    out.set(v, (s && adjoint.get(s)) ?? ZERO_NODE);
  }
  return out;
}

/**
 * The local reverse rules: what node n with adjoint a gives each child. A child that depends on
 * no wanted variable gets nothing, and its contribution is not even built.
 */
function backward(n: Node, a: Node, live: ReadonlySet<Node>, give: (c: Node, contribution: Node) => void): void {
  switch (n.kind) {
    case 'num':
    case 'sym':
      return;
    case 'add': // ∂(Σ uᵢ)/∂uᵢ = 1
      for (const u of n.args) give(u, a);
      return;
    case 'mul': // ∂(Π uⱼ)/∂uᵢ = Π_{j≠i} uⱼ
      n.args.forEach((u, i) => {
        if (live.has(u)) give(u, mul(a, ...n.args.filter((_, j) => j !== i)));
      });
      return;
    case 'pow': // ∂u^r/∂u = r·u^(r−1)
      give(n.base, mul(a, num(n.exp), pow(n.base, qsub(n.exp, ONE))));
      return;
    case 'fn': // ∂f(u)/∂u = f'(u)
      give(n.arg, mul(a, lookupFn(n.name)!.derivative(n.arg)));
      return;
    default:
      assertNever(n);
  }
}
