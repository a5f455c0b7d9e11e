/**
 * Is `lhs = rhs` an identity?
 *
 * - Both sides polynomial: expand lhs − rhs exactly; the identity holds iff the difference is the
 *   zero polynomial (a proof, not a test). When it fails, a rational point where the two sides
 *   differ is found by trying integer points from growing ranges (Schwartz–Zippel: a non-zero
 *   polynomial of degree D vanishes on at most a D/|S| fraction of Sⁿ).
 * - Piecewise (relu, heaviside, leaky_relu, nested or not): split on the sign of every piecewise
 *   argument; on each region both sides are polynomials and the identity is decided there
 *   (`verify-regions.ts`: exactly for linear sign conditions; for nonlinear ones exactly as far
 *   as the header there says, the rest sampled and reported as such).
 * - Otherwise (a transcendental function, a negative or fractional power, an expansion past the
 *   budget): evaluate both sides in floating point at {@link VERIFY_POINTS} pseudo-random points
 *   of boxes that grow with the input's constants (`verify-sample.ts`) and compare with a
 *   relative tolerance; a failure comes with the point and both values.
 *
 * @example
 * ```ts
 * import { parse, verifyIdentity } from 'closedform';
 * verifyIdentity(parse('(a + b)^2'), parse('a^2 + 2*a*b + b^2')).holds; // true, by expansion
 * verifyIdentity(parse('relu(x - 3)'), parse('0')).counterexample;       // { point: { x: '4' }, lhs: '1', rhs: '0' }
 * verifyIdentity(parse('tanh(x)'), parse('2*sigmoid(2*x) - 1')).method; // 'numeric'
 * ```
 */
import { type Node, sub } from '../expr/node.js';
import { type Rational, Q, qtoNumber, qtoString } from '../expr/rational.js';
import { evaluate, evaluateExact, freeSymbols } from '../expr/walk.js';
import { seededRng } from '../util/rng.js';
import { ExpansionTooLargeError, NotPolynomialError, expand } from './expand.js';
import { polyToText } from './print.js';
import { hasPiecewise } from './regions.js';
import { type RegionReport, MAX_VERIFY_REGIONS, piecewiseVerdict } from './verify-regions.js';
import { VERIFY_RANGE, VERIFY_TOLERANCE, boxesText, constantScale, floatsDiffer, sampleBoxes } from './verify-sample.js';

export { VERIFY_RANGE, VERIFY_TOLERANCE } from './verify-sample.js';

/** Points compared by the numeric route. */
export const VERIFY_POINTS = 32;

export interface Counterexample {
  /** Values of the variables (exact rationals as text when exact, doubles otherwise). */
  readonly point: Record<string, string | number>;
  readonly lhs: string | number;
  readonly rhs: string | number;
}

/** What the region split decided, region by region (piecewise route). */
export interface RegionCounts {
  /** regions visited (sign patterns that survived the feasibility pruning) */
  readonly regions: number;
  readonly piecewiseNodes: number;
  /** shown empty exactly (contradictory signs, exact linear infeasibility) */
  readonly empty: number;
  /** the identity proved on the region */
  readonly proved: number;
  /** equal at sampled points only (a transcendental function remains) */
  readonly sampled: number;
  /** neither decided nor sampled, each with the reason */
  readonly undecided: readonly string[];
}

export interface VerifyResult {
  readonly holds: boolean;
  /** `holds` is proved, or the counterexample is exact */
  readonly exact: boolean;
  readonly method: 'polynomial identity' | 'piecewise regions' | 'numeric';
  /** Why the exact polynomial route was not taken (the non-polynomial node, or the expansion refusal). */
  readonly reason?: string;
  /** Polynomial route: lhs − rhs expanded (`0` when the identity holds). */
  readonly difference?: string;
  /** Piecewise route: the region counts. */
  readonly regions?: RegionCounts;
  /** Sampling: how many points were compared, with which tolerance, in which boxes. */
  readonly points?: number;
  readonly tolerance?: number;
  /** half-widths of the sampling boxes (they grow with the input's constants) */
  readonly boxes?: readonly number[];
  /** One sentence on what `holds` means here. */
  readonly confidence: string;
  readonly counterexample?: Counterexample;
}

/**
 * Decide whether `lhs = rhs` holds for all values of the variables.
 *
 * @example
 * ```ts
 * const r = verifyIdentity(parse('(x + 1)^2'), parse('x^2 + 1'));
 * r.holds;          // false
 * r.counterexample; // { point: { x: '1' }, lhs: '4', rhs: '2' } (some such point)
 * verifyIdentity(parse('heaviside(w*x - 5)'), parse('0')).exact; // true: an exact counterexample
 * ```
 */
export function verifyIdentity(lhs: Node, rhs: Node): VerifyResult {
  let reason: string;
  try {
    const d = expand(sub(lhs, rhs));
    if (d.n === 0) return { holds: true, exact: true, method: 'polynomial identity', difference: '0', confidence: 'proved: lhs − rhs expands to the zero polynomial' };
    return {
      holds: false,
      exact: true,
      method: 'polynomial identity',
      difference: polyToText(d),
      confidence: 'disproved: lhs − rhs expands to a non-zero polynomial',
      counterexample: exactWitness(lhs, rhs),
    };
  } catch (e) {
    if (!(e instanceof NotPolynomialError || e instanceof ExpansionTooLargeError)) throw e;
    reason = e.message;
  }
  const scale = constantScale(lhs, rhs);
  if (hasPiecewise(lhs, rhs)) {
    const v = piecewiseVerdict(lhs, rhs, scale);
    if (v.complete) return byRegions(v.regions, v.piecewiseNodes, reason, scale, freeSymbols(lhs, rhs).length);
    reason = `${reason}, and its ${v.piecewiseNodes} piecewise arguments have more than ${MAX_VERIFY_REGIONS} sign regions`;
  }
  return numericCheck(lhs, rhs, reason, scale);
}

const show = (p: ReadonlyMap<string, Rational>): Record<string, string> => Object.fromEntries([...p].map(([k, q]) => [k, qtoString(q)]));

/** The verdict of the region split, with a sentence that says how each region was settled. */
function byRegions(rs: readonly RegionReport[], piecewiseNodes: number, reason: string, scale: number, dim: number): VerifyResult {
  const count = (k: string): number => rs.filter((r) => r.outcome.kind === k).length;
  const undecided = rs.flatMap((r) => (r.outcome.kind === 'undecided' ? [`${r.conditions}: ${r.outcome.why}`] : []));
  const regions: RegionCounts = { regions: rs.length, piecewiseNodes, empty: count('empty'), proved: count('holds'), sampled: count('sampled'), undecided };
  const base = { method: 'piecewise regions' as const, reason, regions };
  const tally = `${rs.length} sign region${rs.length === 1 ? '' : 's'} of ${piecewiseNodes} piecewise argument${piecewiseNodes === 1 ? '' : 's'}`;
  const fails = rs.filter((r) => r.outcome.kind === 'fails');
  const failure = fails.find((r) => r.outcome.kind === 'fails' && r.outcome.exact) ?? fails[0];
  if (failure !== undefined && failure.outcome.kind === 'fails') {
    const o = failure.outcome;
    return {
      ...base,
      holds: false,
      exact: o.exact,
      confidence: o.exact
        ? `disproved: exact counterexample in the region ${failure.conditions}, one of ${tally}`
        : `disproved numerically: the sides differ beyond the relative tolerance ${VERIFY_TOLERANCE} at a point of the region ${failure.conditions}`,
      counterexample: { point: o.exact ? show(o.point) : Object.fromEntries([...o.point].map(([k, q]) => [k, qtoNumber(q)])), lhs: o.lhs, rhs: o.rhs },
    };
  }
  const exactly = `${regions.proved} proved (lhs − rhs is the zero polynomial there, or a multiple of an equality's), ${regions.empty} empty (shown exactly: contradictory signs, linear infeasibility over Q, or no real root)`;
  if (regions.sampled === 0 && undecided.length === 0)
    return { ...base, holds: true, exact: true, confidence: `proved: on each of the ${tally} the identity is decided exactly: ${exactly}` };
  const boxes = sampleBoxes(scale);
  const sampled = regions.sampled > 0 ? `; ${regions.sampled} only sampled (a transcendental function remains; equal at rational points drawn near each region's own point and in ${boxesText(boxes, dim)}, the input's constants reaching ${scale})` : '';
  const left = undecided.length > 0 ? `; ${undecided.length} undecided (${undecided.slice(0, 3).join('; ')}${undecided.length > 3 ? '; …' : ''})` : '';
  return { ...base, holds: true, exact: false, boxes, tolerance: VERIFY_TOLERANCE, confidence: `evidence, not proof: of the ${tally}, ${exactly}${sampled}${left}` };
}

/** A rational point where the sides differ (they are polynomials whose difference is non-zero). */
function exactWitness(lhs: Node, rhs: Node): Counterexample {
  const vars = freeSymbols(lhs, rhs);
  const next = seededRng(0x5eed);
  for (let attempt = 0; attempt < 400; attempt++) {
    const range = 2 ** (1 + Math.floor(attempt / 20)); // integers in [−range, range], widening
    const point = new Map<string, Rational>(vars.map((v) => [v, Q(Math.floor(next() * (2 * range + 1)) - range)]));
    const l = evaluateExact(lhs, point);
    const r = evaluateExact(rhs, point);
    const pt = show(point);
    if (l !== undefined && r !== undefined) {
      if (l.n !== r.n || l.d !== r.d) return { point: pt, lhs: qtoString(l), rhs: qtoString(r) };
    } else {
      // A named constant (π) has no rational value: compare in floating point.
      const fp = Object.fromEntries([...point].map(([k, q]) => [k, qtoNumber(q)]));
      const lf = evaluate(lhs, fp);
      const rf = evaluate(rhs, fp);
      if (floatsDiffer(lf, rf) === true) return { point: pt, lhs: lf, rhs: rf };
    }
  }
  // Unreachable in practice: a non-zero polynomial cannot vanish on 400 random points of growing boxes.
  throw new Error('verifyIdentity: no witness found for a non-zero difference');
}

/** Floating-point comparison at points drawn in turn from boxes of half-width 2, S and 4S. */
function numericCheck(lhs: Node, rhs: Node, reason: string, scale: number): VerifyResult {
  const vars = freeSymbols(lhs, rhs);
  const boxes = sampleBoxes(scale);
  const next = seededRng(0xc105ed);
  let compared = 0;
  const where = `${boxesText(boxes, vars.length)}${scale > VERIFY_RANGE ? ` (the input's constants reach ${scale})` : ''}`;
  const base = { method: 'numeric' as const, exact: false, reason, tolerance: VERIFY_TOLERANCE, boxes };
  for (let attempt = 0; attempt < 10 * VERIFY_POINTS && compared < VERIFY_POINTS; attempt++) {
    const radius = boxes[attempt % boxes.length]!;
    const point: Record<string, number> = {};
    for (const v of vars) point[v] = (2 * next() - 1) * radius;
    const l = evaluate(lhs, point);
    const r = evaluate(rhs, point);
    const differ = floatsDiffer(l, r);
    if (differ === undefined) continue; // outside both domains, or an overflow: no information
    compared++;
    if (differ)
      return {
        ...base,
        holds: false,
        points: compared,
        confidence: `disproved numerically: the sides differ at a sampled point beyond the relative tolerance ${VERIFY_TOLERANCE}`,
        counterexample: { point, lhs: l, rhs: r },
      };
  }
  return {
    ...base,
    holds: compared > 0,
    points: compared,
    confidence:
      compared > 0
        ? `evidence, not proof: equal at ${compared} pseudo-random points of ${where} within relative tolerance ${VERIFY_TOLERANCE}`
        : `no sampled point of ${where} was in the domain of either side`,
  };
}
