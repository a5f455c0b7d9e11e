/**
 * Notebook-side: decide a polynomial identity lhs = rhs exactly by evaluation on a grid.
 *
 * Theorem (the grid form of the Schwartz–Zippel / Alon argument): if p ∈ Q[v₁,…,vₙ] has degree at
 * most dᵢ in vᵢ and vanishes at every point of S₁×…×Sₙ with |Sᵢ| = dᵢ + 1, then p = 0. (Induct on
 * n: for each grid point of the first n−1 variables, p is a polynomial of degree ≤ dₙ in vₙ with
 * dₙ + 1 roots, so each of its coefficients — polynomials in v₁…vₙ₋₁ — vanishes on the smaller grid.)
 * So exact evaluation of lhs − rhs at the points {0,…,dᵢ}ⁿ is a proof when every value is 0, and
 * one non-zero value is a counterexample. The degree bounds come from one visit of the DAG
 * (sum over products, max over sums, k·d for a k-th power), so they are upper bounds, which is
 * all the theorem needs.
 */
import { topoOrder, evaluateExact, freeSymbols, sub, Q, qisZero, qtoString } from '../../dist/index.js';

/** Most grid points evaluated; each is one exact evaluation of the DAG. */
export const MAX_GRID_POINTS = 400_000;

/** Degree of e in each variable (upper bound), or undefined when e is not a polynomial. */
export function degreeBounds(e) {
  const memo = new Map();
  for (const n of topoOrder(e)) {
    let d;
    switch (n.kind) {
      case 'num': d = new Map(); break;
      case 'sym': d = new Map([[n.name, 1]]); break;
      case 'add': d = merge(n.args.map((a) => memo.get(a)), Math.max); break;
      case 'mul': d = merge(n.args.map((a) => memo.get(a)), (x, y) => x + y); break;
      case 'pow': {
        const b = memo.get(n.base);
        const k = n.exp;
        if (b === undefined) d = undefined;
        else if (b.size === 0) d = new Map();
        else if (k.d === 1n && k.n >= 0n) d = new Map([...b].map(([v, x]) => [v, x * Number(k.n)]));
        else d = undefined;
        break;
      }
      case 'fn': d = memo.get(n.arg)?.size === 0 ? new Map() : undefined; break;
      default: throw new Error(`unknown node kind ${n.kind}`);
    }
    memo.set(n, d);
  }
  return memo.get(e);
}

function merge(maps, op) {
  if (maps.some((m) => m === undefined)) return undefined;
  const out = new Map();
  for (const m of maps) for (const [v, x] of m) out.set(v, out.has(v) ? op(out.get(v), x) : x);
  return out;
}

/**
 * Decide lhs = rhs as polynomials. Returns { holds, vars, degrees, points } and, when it fails,
 * `at` (a point where lhs − rhs ≠ 0) and `value` there.
 */
export function gridIdentity(lhs, rhs) {
  const diff = sub(lhs, rhs);
  const deg = degreeBounds(diff);
  if (deg === undefined) throw new Error('not a polynomial identity: a non-polynomial node occurs');
  const vars = freeSymbols(diff);
  const degrees = vars.map((v) => deg.get(v) ?? 0);
  const points = degrees.reduce((p, d) => p * (d + 1), 1);
  if (points > MAX_GRID_POINTS) throw new Error(`grid of ${points} points is past the budget ${MAX_GRID_POINTS}`);
  const idx = vars.map(() => 0);
  for (let k = 0; k < points; k++) {
    const pt = Object.fromEntries(vars.map((v, i) => [v, Q(idx[i])]));
    const val = evaluateExact(diff, pt);
    if (val === undefined) throw new Error('exact evaluation failed at a grid point');
    if (!qisZero(val)) {
      return { holds: false, vars, degrees, points: k + 1, at: Object.fromEntries(vars.map((v, i) => [v, idx[i]])), value: qtoString(val) };
    }
    for (let i = 0; i < idx.length; i++) {
      if (++idx[i] <= degrees[i]) break;
      idx[i] = 0;
    }
  }
  return { holds: true, vars, degrees, points };
}

