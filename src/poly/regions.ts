/**
 * The sign regions of an expression's piecewise functions (relu, heaviside, leaky_relu: every
 * registered function declared `piecewise` with its two pieces).
 *
 * A piecewise node f(u) equals one polynomial piece for u > 0 and another for u ≤ 0. Splitting
 * u ≤ 0 further into u = 0 and u < 0, every choice of a sign (> 0, = 0, < 0) for every piecewise
 * argument gives a region described by equalities and strict inequalities, on which each
 * piecewise node is replaced by its piece: a piecewise-polynomial expression becomes a
 * polynomial on each region. Nested nodes are handled in topological order: the argument of an
 * outer node is taken after the inner nodes have been replaced, so its sign condition is
 * polynomial too. (u = 0 and u < 0 use the same piece; they are kept apart so that each region
 * is relatively open in the affine space its equalities define, see `polyhedron.ts`.)
 *
 * Regions are enumerated depth first; a `prune` callback drops a partial sign assignment as
 * soon as it is infeasible, so only regions that may hold points are visited.
 *
 * @example
 * ```ts
 * import { parse, signRegions } from 'closedform';
 * signRegions([parse('relu(x - 3)')], () => false).regions.map((r) => r.roots[0]);
 * // [x - 3 (x − 3 > 0), 0 (x − 3 = 0), 0 (x − 3 < 0)]
 * ```
 */
import { lookupFn } from '../expr/fns.js';
import { type Node, children, rebuild } from '../expr/node.js';
import { ArithmeticError } from '../expr/rational.js';
import { topoOrder } from '../expr/walk.js';

/** `arg > 0` (1), `arg = 0` (0) or `arg < 0` (−1), arg with the inner pieces already chosen. */
export interface SignCondition {
  readonly arg: Node;
  readonly sign: -1 | 0 | 1;
}

export interface Region {
  readonly conditions: readonly SignCondition[];
  /**
   * the roots with every piecewise node replaced by its piece on this region; undefined where a
   * piece makes the root undefined on the whole region (relu(x)^(−1) for x ≤ 0 is 0^(−1))
   */
  readonly roots: readonly (Node | undefined)[];
}

export interface RegionSplit {
  readonly regions: readonly Region[];
  /** the number of piecewise nodes split on */
  readonly piecewiseNodes: number;
  /** false when the enumeration stopped at `maxRegions` */
  readonly complete: boolean;
}

/**
 * Does the expression contain a piecewise function?
 *
 * @example
 * ```ts
 * hasPiecewise(parse('relu(x) + x^2')); // true
 * ```
 */
export function hasPiecewise(...roots: readonly Node[]): boolean {
  return topoOrder(...roots).some((n) => n.kind === 'fn' && lookupFn(n.name)?.kind === 'piecewise');
}

const SIGNS = [1, 0, -1] as const;

/**
 * Every region of the piecewise nodes of `roots` that `prune` does not reject, with the pieces
 * substituted; at most `maxRegions` of them (then `complete` is false).
 *
 * @example
 * ```ts
 * signRegions([parse('heaviside(x) + heaviside(-x)')], () => false).regions.length; // 9 before pruning
 * ```
 */
export function signRegions(roots: readonly Node[], prune: (conditions: readonly SignCondition[]) => boolean, maxRegions = Infinity): RegionSplit {
  const order = topoOrder(...roots);
  const index = new Map(order.map((n, i) => [n, i]));
  // value[i]: order[i] with the pieces chosen on the current branch. Children come earlier in the
  // order, so a branch overwrites every entry it reads before reading it: no copies needed.
  // (undefined: the node is undefined on the branch, e.g. 0^(−1))
  const value: (Node | undefined)[] = new Array(order.length);
  const conditions: SignCondition[] = [];
  const regions: Region[] = [];
  let complete = true;
  const piecewiseNodes = order.filter((n) => n.kind === 'fn' && lookupFn(n.name)?.kind === 'piecewise').length;

  const visit = (i: number): void => {
    if (!complete) return;
    for (; i < order.length; i++) {
      const n = order[i]!;
      const kids = children(n);
      const rule = n.kind === 'fn' ? lookupFn(n.name) : undefined;
      if (n.kind !== 'fn' || rule?.kind !== 'piecewise') {
        const args = kids.map((c) => value[index.get(c)!]);
        value[i] = kids.length === 0 || args.every((a, k) => a === kids[k]) ? n : args.some((a) => a === undefined) ? undefined : tryRebuild(n, args as Node[]);
        continue;
      }
      const arg = value[index.get(n.arg)!];
      if (arg === undefined) {
        value[i] = undefined;
        continue;
      }
      // a constant argument, or one already split on, has its sign already
      const known = arg.kind === 'num' ? (arg.value.n > 0n ? 1 : arg.value.n < 0n ? -1 : 0) : conditions.find((c) => c.arg === arg)?.sign;
      if (known !== undefined) {
        value[i] = known > 0 ? rule.pieces.above(arg) : rule.pieces.atOrBelow(arg);
        continue;
      }
      for (const sign of SIGNS) {
        conditions.push({ arg, sign });
        if (!prune(conditions)) {
          value[i] = sign > 0 ? rule.pieces.above(arg) : rule.pieces.atOrBelow(arg);
          visit(i + 1);
        }
        conditions.pop();
      }
      return;
    }
    if (regions.length >= maxRegions) {
      complete = false;
      return;
    }
    regions.push({ conditions: [...conditions], roots: roots.map((r) => value[index.get(r)!]) });
  };
  visit(0);
  return { regions, piecewiseNodes, complete };
}

/** The node rebuilt from new children, or undefined when that is 0 to a negative power. */
function tryRebuild(n: Node, args: readonly Node[]): Node | undefined {
  try {
    return rebuild(n, args);
  } catch (e) {
    if (e instanceof ArithmeticError) return undefined;
    throw e;
  }
}
