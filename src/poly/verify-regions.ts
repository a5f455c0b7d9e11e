/**
 * Piecewise identities decided region by region.
 *
 * On each sign region of the piecewise arguments (`regions.ts`) both sides are polynomials (or,
 * with a transcendental function left, at least free of kinks), so lhs = rhs on the region is:
 * - **exact** when every sign condition is linear: the region is a relatively open polyhedron
 *   (equalities and strict inequalities), decided by exact linear feasibility over Q
 *   (`polyhedron.ts`); when non-empty its affine hull is the solution space of its equalities,
 *   so lhs − rhs vanishes on the region iff it becomes the zero polynomial once the equalities
 *   are solved for their pivot variables; otherwise a rational point of the region where the
 *   sides differ is found (a line through an interior point meets the zero set of a non-zero
 *   polynomial in finitely many points) and checked by exact evaluation of the input.
 * - **exact, partly**, with nonlinear conditions: an equality u = 0 in which some variable v
 *   occurs linearly with a constant coefficient is solved for v (v = −r/a) exactly; the
 *   region's linear conditions alone may already be infeasible; lhs − rhs may be the zero
 *   polynomial, or a multiple of an equality's polynomial (then it vanishes where that one
 *   does); and any rational point of the region at which the sides differ, once found, is an
 *   exact counterexample. What is left is sampled: strict nonlinear regions at the scale of the
 *   constants (`verify-sample.ts`), and a nonlinear equality that could not be solved is left
 *   undecided and said so (its points have measure zero: no sample lands on it).
 * - **exact in one variable**: when a single variable is left (after the eliminations above), the
 *   real roots of the conditions' polynomials, isolated exactly by Sturm sequences
 *   (`roots.ts`), cut the line into open intervals on which every condition keeps its sign, so
 *   one rational point per interval decides a strict region exactly, and an equality whose
 *   polynomial has no real root makes its region empty.
 * - **sampled** when a transcendental function remains: floating-point comparison at rational
 *   points of the region.
 */
import { type Node, add, mul, num, sub, sym } from '../expr/node.js';
import { type Rational, ArithmeticError, Q, ZERO, qadd, qinv, qisZero, qmul, qneg, qsign, qtoNumber, qtoString } from '../expr/rational.js';
import { evaluate, evaluateExact, freeSymbols, substitute } from '../expr/walk.js';
import { toText } from '../print/text.js';
import { seededRng } from '../util/rng.js';
import { ExpansionTooLargeError, NotPolynomialError, expand } from './expand.js';
import { grevlexDesc } from './monomial.js';
import { type AffineForm, FeasibilityBudgetError, linearFeasibility } from './polyhedron.js';
import { type Poly, polyDegree, polyScale, polyToTerms, sortedTerms } from './poly.js';
import { polyToNode, polyToText } from './print.js';
import { type SignCondition, signRegions } from './regions.js';
import { countRealRoots, isolateSquarefree } from './roots.js';
import { type QPoly, qpolyMul, squarefreePart } from './univariate.js';
import { VERIFY_RANGE, floatsDiffer, rationalPoint, sampleBoxes } from './verify-sample.js';

/**
 * Most regions visited. Every region costs Fourier–Motzkin runs and an expansion: measured
 * 2.5 ms per region with 8 variables (Σₖ relu(xₖ) − relu(−xₖ) = Σₖ xₖ, 3⁸ feasible patterns: the
 * first 2,000 in 5 s, then the sampling fallback). 3ᵐ sign patterns of m piecewise arguments are
 * pruned to the feasible ones as they are built, e.g. 2m + 1 for m breakpoints on a line.
 */
export const MAX_VERIFY_REGIONS = 2_000;
/** Rational points tried per region that needs a point (nonlinear conditions, sampling). */
export const REGION_SAMPLES = 200;
/** Floating-point comparisons per region when a transcendental function remains. */
export const REGION_FLOAT_POINTS = 16;

export type RegionOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'holds'; readonly how: 'zero polynomial' | 'multiple of an equality' }
  | { readonly kind: 'fails'; readonly exact: boolean; readonly point: ReadonlyMap<string, Rational>; readonly lhs: string | number; readonly rhs: string | number }
  | { readonly kind: 'sampled'; readonly points: number }
  | { readonly kind: 'undecided'; readonly why: string };

export interface RegionReport {
  /** the sign conditions, as text: `x - 3 > 0` */
  readonly conditions: string;
  readonly outcome: RegionOutcome;
}

export interface RegionVerdict {
  readonly regions: readonly RegionReport[];
  readonly piecewiseNodes: number;
  /** false when {@link MAX_VERIFY_REGIONS} stopped the enumeration */
  readonly complete: boolean;
}

/** A sign condition with its polynomial (undefined when the argument is not polynomial). */
interface Cond {
  readonly node: Node;
  readonly sign: -1 | 0 | 1;
  readonly poly: Poly | undefined;
}

const REL = { 1: '>', 0: '=', [-1]: '<' } as const;
const condText = (cs: readonly { node: Node; sign: -1 | 0 | 1 }[]): string => cs.map((c) => `${toText(c.node)} ${REL[c.sign]} 0`).join(', ') || 'everywhere';

function tryExpand(e: Node): Poly | undefined {
  try {
    return expand(e);
  } catch (err) {
    if (err instanceof NotPolynomialError || err instanceof ExpansionTooLargeError) return undefined;
    throw err;
  }
}

const memoCond = new WeakMap<Node, Poly | null>();
function cond(node: Node, sign: -1 | 0 | 1): Cond {
  let p = memoCond.get(node);
  if (p === undefined) memoCond.set(node, (p = tryExpand(node) ?? null));
  return { node, sign, poly: p ?? undefined };
}

const isLinear = (c: Cond): boolean => c.poly !== undefined && polyDegree(c.poly) <= 1;

/** The affine form of a polynomial of degree ≤ 1 over `vars`. */
function affine(p: Poly, vars: readonly string[]): AffineForm {
  const coeffs = vars.map(() => ZERO);
  let constant = ZERO;
  const { vars: pv, terms } = polyToTerms(p);
  for (const t of terms) {
    const i = t.exps.findIndex((e) => e > 0);
    if (i < 0) constant = qadd(constant, t.coeff);
    else coeffs[vars.indexOf(pv[i]!)] = t.coeff;
  }
  return { coeffs, constant };
}

/**
 * Sign conditions that contradict one another without geometry: a constant of the wrong sign,
 * or the same polynomial (up to a positive or negative factor) with two signs.
 */
function contradictory(cs: readonly Cond[]): boolean {
  const seen = new Map<string, number>();
  for (const c of cs) {
    if (c.poly === undefined) continue;
    if (c.poly.n === 0 || polyDegree(c.poly) === 0) {
      const v = c.poly.n === 0 ? 0 : qsign(sortedTerms(c.poly)[0]!.coeff);
      if (v !== c.sign) return true;
      continue;
    }
    const lc = sortedTerms(c.poly)[0]!.coeff; // divide by it: leading coefficient 1, the sign follows
    const k = polyToText(polyScale(c.poly, qinv(lc)));
    const s = c.sign * qsign(lc);
    if (seen.has(k) && seen.get(k) !== s) return true;
    seen.set(k, s);
  }
  return false;
}

/** Exact linear feasibility of the linear conditions (undefined past the Fourier–Motzkin budget). */
function linearPart(cs: readonly Cond[], vars: readonly string[]): ReturnType<typeof linearFeasibility> | undefined {
  const lin = cs.filter(isLinear);
  const eq = lin.filter((c) => c.sign === 0).map((c) => affine(c.poly!, vars));
  const gt = lin.filter((c) => c.sign !== 0).map((c) => (c.sign > 0 ? affine(c.poly!, vars) : affine(polyScale(c.poly!, Q(-1)), vars)));
  try {
    return linearFeasibility(vars, eq, gt);
  } catch (e) {
    if (e instanceof FeasibilityBudgetError) return undefined;
    throw e;
  }
}

/** Σ aᵢ·vᵢ + c as a node. */
const formNode = (f: AffineForm, vars: readonly string[]): Node => add(num(f.constant), ...f.coeffs.map((a, i) => mul(num(a), sym(vars[i]!))));

/** One elimination: `name` = `value` (in the variables left after it) on the region. */
interface Step {
  readonly name: string;
  readonly value: Node;
}

/** A region with its equalities solved where possible. */
interface Reduced {
  readonly conds: readonly Cond[];
  readonly vars: readonly string[];
  readonly steps: readonly Step[];
  /** a point of the linear part (in `vars`), when Fourier–Motzkin ran */
  readonly start: ReadonlyMap<string, Rational> | undefined;
}

/**
 * An equality u = 0 solvable for a variable v: u = a·v + r with a a non-zero constant and r free
 * of v, so v = −r/a on the region.
 */
function solvable(c: Cond): Step | undefined {
  if (c.sign !== 0 || c.poly === undefined) return undefined;
  const { vars, terms } = polyToTerms(c.poly);
  for (let i = 0; i < vars.length; i++) {
    const withV = terms.filter((t) => t.exps[i]! > 0);
    if (withV.length !== 1 || withV[0]!.exps[i] !== 1 || withV[0]!.exps.some((e, j) => j !== i && e > 0)) continue;
    const a = withV[0]!.coeff;
    // v = −(u − a·v)/a
    return { name: vars[i]!, value: polyToNode(expand(mul(num(qneg(qinv(a))), sub(c.node, mul(num(a), sym(vars[i]!)))))) };
  }
  return undefined;
}

/** Solve the region's equalities (linear ones by Gauss, then solvable nonlinear ones), or show it empty. */
function reduce(conds: readonly Cond[], vars: readonly string[]): Reduced | 'empty' {
  let cs = conds;
  let vs = [...vars];
  const steps: Step[] = [];
  for (;;) {
    if (contradictory(cs)) return 'empty';
    const lin = linearPart(cs, vs);
    if (lin !== undefined && !lin.feasible) return 'empty';
    let elim: Step[] = [];
    if (lin?.pivots !== undefined && lin.pivots.size > 0) elim = [...lin.pivots].map(([name, f]) => ({ name, value: formNode(f, lin.free!) }));
    else {
      const s = cs.map(solvable).find((x) => x !== undefined);
      if (s !== undefined) elim = [s];
    }
    if (elim.length === 0) return { conds: cs, vars: vs, steps, start: lin?.point };
    const map = new Map(elim.map((e) => [e.name, e.value]));
    steps.push(...elim);
    vs = vs.filter((v) => !map.has(v));
    // substituted, a solved equality becomes 0 = 0 and is dropped
    cs = cs.map((c) => cond(substitute(c.node, map), c.sign)).filter((c) => !(c.sign === 0 && c.poly !== undefined && c.poly.n === 0));
  }
}

/** The point in every variable: the eliminated ones recomputed, last step first. */
function lift(point: ReadonlyMap<string, Rational>, steps: readonly Step[]): Map<string, Rational> {
  const p = new Map(point);
  for (let i = steps.length - 1; i >= 0; i--) p.set(steps[i]!.name, evaluateExact(steps[i]!.value, p)!);
  return p;
}

/** Is the point (in the remaining variables) in the region? Opaque conditions are judged in floating point. */
function inside(cs: readonly Cond[], point: ReadonlyMap<string, Rational>): boolean {
  return cs.every((c) => {
    if (c.poly !== undefined) return qsign(evaluateExact(polyToNode(c.poly), point) ?? ZERO) === c.sign;
    const v = evaluate(c.node, Object.fromEntries([...point].map(([k, q]) => [k, qtoNumber(q)])));
    return c.sign === 0 ? false : Number.isFinite(v) && Math.sign(v) === c.sign && Math.abs(v) > 1e-12;
  });
}

/** Does u divide p exactly (multivariate division by one polynomial, grevlex)? */
function divides(u: Poly, p: Poly): boolean {
  const vars = [...new Set([...u.layout.vars, ...p.layout.vars])];
  const terms = (q: Poly) => {
    const t = polyToTerms(q);
    return t.terms.map((x) => ({ exps: vars.map((v) => { const j = t.vars.indexOf(v); return j < 0 ? 0 : x.exps[j]!; }), coeff: x.coeff }));
  };
  const U = terms(u).sort((a, b) => grevlexDesc(a.exps, b.exps));
  const lead = U[0]!;
  const r = new Map(terms(p).map((t) => [t.exps.join(','), t]));
  for (let step = 0; r.size > 0 && step < 10_000; step++) {
    const lt = [...r.values()].sort((a, b) => grevlexDesc(a.exps, b.exps))[0]!;
    if (lt.exps.some((e, i) => e < lead.exps[i]!)) return false; // the remainder keeps this term
    const m = lt.exps.map((e, i) => e - lead.exps[i]!);
    const f = qmul(lt.coeff, qinv(lead.coeff));
    for (const t of U) {
      const e = t.exps.map((x, i) => x + m[i]!);
      const k = e.join(',');
      const c = qadd(r.get(k)?.coeff ?? ZERO, qneg(qmul(f, t.coeff)));
      if (qisZero(c)) r.delete(k);
      else r.set(k, { exps: e, coeff: c });
    }
  }
  return r.size === 0;
}

/** A polynomial in the one variable v as a coefficient list (lowest degree first). */
function univariate(p: Poly, v: string): QPoly {
  const { vars, terms } = polyToTerms(p);
  const i = vars.indexOf(v);
  const out: QPoly = [];
  for (const t of terms) {
    const k = i < 0 ? 0 : t.exps[i]!;
    while (out.length <= k) out.push(ZERO);
    out[k] = qadd(out[k]!, t.coeff);
  }
  return out;
}

/**
 * One rational point in each open interval into which the real roots of the conditions' product
 * cut the line (below the first root, between consecutive ones, above the last): every
 * condition has a constant sign on each interval, so these points decide a strict region.
 */
function intervalPoints(cs: readonly Cond[], v: string): Rational[] {
  const P = cs.reduce<QPoly>((acc, c) => qpolyMul(acc, univariate(c.poly!, v)), [Q(1)]);
  const roots = isolateSquarefree(squarefreePart(P)).sort((a, b) => (a.lo.n * b.lo.d < b.lo.n * a.lo.d ? -1 : 1));
  if (roots.length === 0) return [ZERO];
  const pts = [qadd(roots[0]!.lo, Q(-1))];
  for (let i = 0; i + 1 < roots.length; i++) {
    const a = roots[i]!.hi;
    const b = roots[i + 1]!.lo;
    // isolating endpoints are not roots, so a shared endpoint is itself a point between the roots
    pts.push(a.n === b.n && a.d === b.d ? a : qmul(qadd(a, b), Q(1, 2)));
  }
  pts.push(qadd(roots.at(-1)!.hi, Q(1)));
  return pts;
}

/** Exact values of the input's sides at a point, or floats where they are not rational (π, σ(1)). */
function sidesAt(lhs: Node, rhs: Node, point: ReadonlyMap<string, Rational>): { exact: boolean; differ: boolean | undefined; lhs: string | number; rhs: string | number } {
  try {
    const l = evaluateExact(lhs, point);
    const r = evaluateExact(rhs, point);
    if (l !== undefined && r !== undefined) return { exact: true, differ: l.n !== r.n || l.d !== r.d, lhs: qtoString(l), rhs: qtoString(r) };
  } catch (e) {
    if (!(e instanceof ArithmeticError)) throw e;
  }
  const fp = Object.fromEntries([...point].map(([k, q]) => [k, qtoNumber(q)]));
  const l = evaluate(lhs, fp);
  const r = evaluate(rhs, fp);
  return { exact: false, differ: floatsDiffer(l, r), lhs: l, rhs: r };
}

/**
 * Rational points to try in a region: its linear part's own point first, then points near it at
 * shrinking radii and points of the sampling boxes, in turn.
 */
function* candidates(vars: readonly string[], start: ReadonlyMap<string, Rational> | undefined, boxes: readonly number[], next: () => number): Generator<Map<string, Rational>> {
  const s = start ?? new Map(vars.map((v) => [v, ZERO]));
  yield new Map(s);
  for (let k = 0; k < REGION_SAMPLES; k++) {
    if (k % 2 === 0) yield rationalPoint(vars, boxes[(k / 2) % boxes.length]!, next);
    else {
      const d = rationalPoint(vars, VERIFY_RANGE / 2 ** ((k >> 1) % 12), next);
      yield new Map(vars.map((v) => [v, qadd(s.get(v) ?? ZERO, d.get(v)!)]));
    }
  }
}

/** Points on random lines through p, closer and closer to it (a region that holds p holds a neighbourhood of it). */
function* nearby(vars: readonly string[], p: ReadonlyMap<string, Rational>, next: () => number): Generator<Map<string, Rational>> {
  for (let dir = 0; dir < 8; dir++) {
    const d = vars.map(() => Q(Math.floor(next() * 7) - 3));
    for (let j = 0; j < 48; j++) {
      const s = Q(1n, 1n << BigInt(j));
      yield new Map(vars.map((v, i) => [v, qadd(p.get(v)!, qmul(s, d[i]!))]));
    }
  }
}

function* chain<T>(...parts: Iterable<T>[]): Generator<T, void, undefined> {
  for (const p of parts) yield* p;
}

/** lhs = rhs on one region (pieces substituted), by the means the header lists. */
function settle(conds: readonly Cond[], lhsR: Node | undefined, rhsR: Node | undefined, lhs: Node, rhs: Node, vars: readonly string[], boxes: readonly number[], seed: number): RegionOutcome {
  const red = reduce(conds, vars);
  if (red === 'empty') return { kind: 'empty' };
  if (lhsR === undefined && rhsR === undefined) return { kind: 'holds', how: 'zero polynomial' }; // undefined on both sides alike
  const next = seededRng(seed);
  const map = (ds: Node): Node => red.steps.reduce((e, s) => substitute(e, new Map([[s.name, s.value]])), ds);
  const D = lhsR !== undefined && rhsR !== undefined ? tryExpand(map(sub(lhsR, rhsR))) : undefined;
  const polynomial = D !== undefined;
  if (D !== undefined && D.n === 0) return { kind: 'holds', how: 'zero polynomial' };
  const eqs = red.conds.filter((c) => c.sign === 0);
  if (D !== undefined && eqs.some((c) => c.poly !== undefined && divides(c.poly, D))) return { kind: 'holds', how: 'multiple of an equality' };
  // an equality in one variable without a real root: nothing satisfies it
  if (red.vars.length === 1 && eqs.some((c) => c.poly !== undefined && countRealRoots(univariate(c.poly, red.vars[0]!)) === 0))
    return { kind: 'empty' };
  if (eqs.length > 0)
    return { kind: 'undecided', why: `${condText(eqs)} is a lower-dimensional set, which no sample meets, and lhs − rhs ${D !== undefined ? `= ${polyToText(D)} was not shown to vanish on it` : 'is not polynomial there'}` };
  // one variable left, every condition polynomial: membership is decided on the intervals of the roots
  const oneVar = red.vars.length === 1 && red.conds.every((c) => c.poly !== undefined) ? red.vars[0]! : undefined;
  const Dnode = D !== undefined ? polyToNode(D) : undefined;
  const differsAt = (p: ReadonlyMap<string, Rational>): boolean => Dnode === undefined || !qisZero(evaluateExact(Dnode, p) ?? ZERO);
  let floats = 0;
  let member: Map<string, Rational> | undefined;
  // (in one variable the interval points come first: after them an empty region is known to be empty)
  const tries = oneVar !== undefined ? chain(intervalPoints(red.conds, oneVar).map((q) => new Map([[oneVar, q]])), candidates(red.vars, red.start, boxes, next)) : candidates(red.vars, red.start, boxes, next);
  for (const p of tries) {
    if (!inside(red.conds, p)) continue;
    member ??= p;
    if (!differsAt(p)) continue;
    const full = lift(p, red.steps);
    const s = sidesAt(lhs, rhs, full);
    if (s.differ === true) return { kind: 'fails', exact: s.exact, point: full, lhs: s.lhs, rhs: s.rhs };
    if (!polynomial && s.differ === false && ++floats >= REGION_FLOAT_POINTS) return { kind: 'sampled', points: floats };
  }
  if (member === undefined && oneVar !== undefined) return { kind: 'empty' };
  if (member === undefined) return { kind: 'undecided', why: `no point of the region was found among ${REGION_SAMPLES + 1} rational points tried (it may be empty)` };
  if (!polynomial) return floats > 0 ? { kind: 'sampled', points: floats } : { kind: 'undecided', why: 'no sampled point of the region gave a comparison' };
  // lhs − rhs is a non-zero polynomial on an open set around `member`: some nearby point of a line avoids its zeros
  for (const p of nearby(red.vars, member, next)) {
    if (!inside(red.conds, p) || !differsAt(p)) continue;
    const full = lift(p, red.steps);
    const s = sidesAt(lhs, rhs, full);
    if (s.differ === true) return { kind: 'fails', exact: s.exact, point: full, lhs: s.lhs, rhs: s.rhs };
  }
  return { kind: 'undecided', why: `lhs − rhs = ${polyToText(D!)} there, but no point of the region where it is non-zero was found` };
}

/**
 * Decide lhs = rhs region by region over the sign regions of its piecewise arguments.
 *
 * @example
 * ```ts
 * const v = piecewiseVerdict(parse('relu(x - 3)'), parse('0'), 3);
 * v.regions.map((r) => r.outcome.kind); // ['fails', 'holds', 'holds']
 * ```
 */
export function piecewiseVerdict(lhs: Node, rhs: Node, scale: number): RegionVerdict {
  const vars = freeSymbols(lhs, rhs);
  const boxes = sampleBoxes(scale);
  const prune = (cs: readonly SignCondition[]): boolean => {
    const c = cs.map((x) => cond(x.arg, x.sign));
    if (contradictory(c)) return true;
    const lin = linearPart(c, vars);
    return lin !== undefined && !lin.feasible;
  };
  const split = signRegions([lhs, rhs], prune, MAX_VERIFY_REGIONS);
  const regions = split.regions.map((r, i): RegionReport => {
    const cs = r.conditions.map((x) => cond(x.arg, x.sign));
    return { conditions: condText(cs), outcome: settle(cs, r.roots[0], r.roots[1], lhs, rhs, vars, boxes, 0x5eed + i) };
  });
  return { regions, piecewiseNodes: split.piecewiseNodes, complete: split.complete };
}
