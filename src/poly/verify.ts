/**
 * Is `lhs = rhs` an identity?
 *
 * - Both sides polynomial: expand lhs − rhs exactly; the identity holds iff the difference is the
 *   zero polynomial (a proof, not a test). When it fails, a rational point where the two sides
 *   differ is found by trying integer points from growing ranges (Schwartz–Zippel: a non-zero
 *   polynomial of degree D vanishes on at most a D/|S| fraction of Sⁿ).
 * - Otherwise (a function node, a negative or fractional power, or an expansion past the budget):
 *   evaluate both sides in floating point at {@link VERIFY_POINTS} pseudo-random points and
 *   compare with a relative tolerance; a failure comes with the point and both values.
 *
 * @example
 * ```ts
 * import { parse, verifyIdentity } from 'closedform';
 * verifyIdentity(parse('(a + b)^2'), parse('a^2 + 2*a*b + b^2')).holds; // true, by expansion
 * verifyIdentity(parse('tanh(x)'), parse('2*sigmoid(2*x) - 1')).method; // 'numeric'
 * ```
 */
import { type Node, sub } from '../expr/node.js';
import { type Rational, Q, qtoNumber, qtoString } from '../expr/rational.js';
import { evaluate, evaluateExact, freeSymbols } from '../expr/walk.js';
import { seededRng } from '../util/rng.js';
import { ExpansionTooLargeError, NotPolynomialError, expand } from './expand.js';
import { polyToText } from './print.js';

/** Points sampled by the numeric route. */
export const VERIFY_POINTS = 32;
/** Relative tolerance of the numeric route: |l − r| ≤ tol·max(1, |l|, |r|). */
export const VERIFY_TOLERANCE = 1e-9;
/** Box the numeric route samples from: every variable uniform in [−2, 2]. */
export const VERIFY_RANGE = 2;

export interface Counterexample {
  /** Values of the variables (exact rationals as text on the polynomial route, doubles otherwise). */
  readonly point: Record<string, string | number>;
  readonly lhs: string | number;
  readonly rhs: string | number;
}

export interface VerifyResult {
  readonly holds: boolean;
  readonly method: 'polynomial identity' | 'numeric';
  /** Why the numeric route was taken (the non-polynomial node, or the expansion refusal). */
  readonly reason?: string;
  /** Polynomial route: lhs − rhs expanded (`0` when the identity holds). */
  readonly difference?: string;
  /** Numeric route: how many points were compared, with which tolerance. */
  readonly points?: number;
  readonly tolerance?: number;
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
 * ```
 */
export function verifyIdentity(lhs: Node, rhs: Node): VerifyResult {
  let reason: string;
  try {
    const d = expand(sub(lhs, rhs));
    if (d.n === 0) return { holds: true, method: 'polynomial identity', difference: '0', confidence: 'proved: lhs − rhs expands to the zero polynomial' };
    return {
      holds: false,
      method: 'polynomial identity',
      difference: polyToText(d),
      confidence: 'disproved: lhs − rhs expands to a non-zero polynomial',
      counterexample: exactWitness(lhs, rhs),
    };
  } catch (e) {
    if (!(e instanceof NotPolynomialError || e instanceof ExpansionTooLargeError)) throw e;
    reason = e.message;
  }
  return numericCheck(lhs, rhs, reason);
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
    const show = Object.fromEntries([...point].map(([k, q]) => [k, qtoString(q)]));
    if (l !== undefined && r !== undefined) {
      if (l.n !== r.n || l.d !== r.d) return { point: show, lhs: qtoString(l), rhs: qtoString(r) };
    } else {
      // A named constant (π) has no rational value: compare in floating point.
      const fp = Object.fromEntries([...point].map(([k, q]) => [k, qtoNumber(q)]));
      const lf = evaluate(lhs, fp);
      const rf = evaluate(rhs, fp);
      if (Math.abs(lf - rf) > VERIFY_TOLERANCE * Math.max(1, Math.abs(lf), Math.abs(rf))) return { point: show, lhs: lf, rhs: rf };
    }
  }
  // Unreachable in practice: a non-zero polynomial cannot vanish on 400 random points of growing boxes.
  throw new Error('verifyIdentity: no witness found for a non-zero difference');
}

function numericCheck(lhs: Node, rhs: Node, reason: string): VerifyResult {
  const vars = freeSymbols(lhs, rhs);
  const next = seededRng(0xc105ed);
  let compared = 0;
  for (let attempt = 0; attempt < 10 * VERIFY_POINTS && compared < VERIFY_POINTS; attempt++) {
    const point: Record<string, number> = {};
    for (const v of vars) point[v] = (2 * next() - 1) * VERIFY_RANGE;
    const l = evaluate(lhs, point);
    const r = evaluate(rhs, point);
    if (!Number.isFinite(l) && !Number.isFinite(r)) continue; // outside both domains: no information
    compared++;
    const bad = !Number.isFinite(l) || !Number.isFinite(r) || Math.abs(l - r) > VERIFY_TOLERANCE * Math.max(1, Math.abs(l), Math.abs(r));
    if (bad)
      return {
        holds: false,
        method: 'numeric',
        reason,
        points: compared,
        tolerance: VERIFY_TOLERANCE,
        confidence: `disproved: the sides differ at a sampled point beyond the relative tolerance ${VERIFY_TOLERANCE}`,
        counterexample: { point, lhs: l, rhs: r },
      };
  }
  return {
    holds: compared > 0,
    method: 'numeric',
    reason,
    points: compared,
    tolerance: VERIFY_TOLERANCE,
    confidence:
      compared > 0
        ? `evidence, not proof: equal at ${compared} pseudo-random points of [−${VERIFY_RANGE}, ${VERIFY_RANGE}]^${vars.length} within relative tolerance ${VERIFY_TOLERANCE}`
        : 'no sampled point was in the domain of either side',
  };
}
