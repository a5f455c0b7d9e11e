/**
 * Closed forms of the real roots of a univariate polynomial over Q when its irrational part has
 * degree ≤ 4: rational roots first (exact, from the isolation), then the quadratic formula,
 * Cardano's formula and Ferrari's method on what is left.
 *
 * Formulas are built as expression nodes (so they print as text and LaTeX) over real radicals.
 * A cubic with three irrational real roots (casus irreducibilis) has no expression in real
 * radicals; its roots get the trigonometric form 2√(−p/3)·cos(⅓·acos(…) − 2πk/3) as text.
 * Every formula is matched to an isolated real root by its value, so a formula is only reported
 * for the root it equals.
 */
import { type Node, add, div, mul, neg, num, pow, sub } from '../expr/node.js';
import { type Rational, Q, qadd, qdiv, qmul, qneg, qsub, qtoNumber } from '../expr/rational.js';
import { evaluate } from '../expr/walk.js';
import { toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { type RealRoot, realRoots, rootDecimal } from './roots.js';
import { type QPoly, divmod, fromRoots, monic, squarefreePart } from './univariate.js';

/** One real root with its closed form. */
export interface RadicalRoot {
  root: RealRoot;
  form: 'rational' | 'radical' | 'trigonometric';
  /** mathjs-parsable text. */
  text: string;
  latex: string;
  /** The formula as a node (absent for the trigonometric form). */
  node?: Node;
}

const half = Q(1, 2);
const sqrtN = (x: Node): Node => (x.kind === 'num' ? sqrtQ(x.value) : pow(x, half));
/** Real cube root: ∛x for x ≥ 0, −∛(−x) otherwise (the sign decided by the value). */
function cbrtN(x: Node): Node {
  const v = evaluate(x, {});
  return v >= 0 ? pow(x, Q(1, 3)) : neg(pow(neg(x), Q(1, 3)));
}
const N = (q: Rational): Node => num(q);

/**
 * Closed forms of the real roots of p, or undefined when the polynomial left after removing its
 * rational roots has degree > 4 (or, defensively, when no formula matches a root numerically).
 *
 * @example
 * ```ts
 * import { rootsByRadicals, Q } from 'closedform';
 * rootsByRadicals([Q(-2), Q(0), Q(1)])!.map((r) => r.text); // ['-2^(1/2)', '2^(1/2)']
 * ```
 */
export function rootsByRadicals(p: QPoly): RadicalRoot[] | undefined {
  const sf = squarefreePart(p);
  const roots = realRoots(sf);
  const rational = roots.filter((r) => r.exact !== undefined).map((r) => r.exact!);
  const rest = monic(divmod(sf, fromRoots(rational)).q);
  const k = rest.length - 1;
  if (k > 4) return undefined;
  const candidates: { node?: Node; text?: string; latex?: string; value: number }[] = [];
  if (k === 2) candidates.push(...quadratic(rest));
  if (k === 3) candidates.push(...cubic(rest));
  if (k === 4) candidates.push(...quartic(rest));
  const out: RadicalRoot[] = [];
  for (const r of roots) {
    if (r.exact !== undefined) {
      out.push({ root: r, form: 'rational', text: toText(N(r.exact)), latex: toLatex(N(r.exact)), node: N(r.exact) });
      continue;
    }
    const x = Number(rootDecimal(r, 17));
    let best: (typeof candidates)[number] | undefined;
    for (const c of candidates) if (Number.isFinite(c.value) && (!best || Math.abs(c.value - x) < Math.abs(best.value - x))) best = c;
    // No formula matches this root in double precision (ill-conditioned nesting): decline rather
    // than report a formula for the wrong root.
    if (!best || Math.abs(best.value - x) > 1e-7 * (1 + Math.abs(x))) return undefined;
    if (best.node) out.push({ root: r, form: 'radical', text: toText(best.node), latex: toLatex(best.node), node: best.node });
    else out.push({ root: r, form: 'trigonometric', text: best.text!, latex: best.latex! });
  }
  return out;
}

/**
 * √q as c·√m with the square factors of the numerator and denominator pulled out by trial division
 * (primes below {@link SQRT_TRIAL_LIMIT}): √8 → 2√2, √(1/2) → √2/2.
 */
export function sqrtQ(q: Rational): Node {
  // √(n/d) = √(n·d)/d
  const nd = q.n * q.d;
  let out = 1n;
  let rest = nd < 0n ? -nd : nd;
  for (let p = 2n; p < SQRT_TRIAL_LIMIT && p * p <= rest; p++)
    while (rest % (p * p) === 0n) {
      rest /= p * p;
      out *= p;
    }
  const inner = rest === 1n ? num(1) : pow(num(nd < 0n ? -rest : rest), half);
  return mul(N(Q(out, q.d)), inner);
}

/** Trial division bound for square factors in {@link sqrtQ} (instant for coefficients of eliminants). */
export const SQRT_TRIAL_LIMIT = 10_000n;

/** x² + bx + c (monic): (−b ± √(b² − 4c))/2. */
function quadratic(p: QPoly): { node: Node; value: number }[] {
  const [c, b] = [p[0]!, p[1]!];
  const disc = qsub(qmul(b, b), qmul(Q(4), c));
  return [1, -1].map((s) => {
    const node = mul(num(half), add(N(qneg(b)), mul(num(s), sqrtN(N(disc)))));
    return { node, value: evaluate(node, {}) };
  });
}

/** Monic cubic: shift x = t − a/3 to t³ + pt + q, then Cardano or the trigonometric form. */
function cubic(poly: QPoly): { node?: Node; text?: string; latex?: string; value: number }[] {
  const [c, b, a] = [poly[0]!, poly[1]!, poly[2]!];
  const shift = qdiv(a, Q(3)); // x = t − a/3
  const p = qsub(b, qdiv(qmul(a, a), Q(3)));
  const q = qadd(qsub(qdiv(qmul(Q(2), qmul(a, qmul(a, a))), Q(27)), qdiv(qmul(a, b), Q(3))), c);
  return depressedCubic(p, q).map((t) =>
    t.node
      ? { node: sub(t.node, N(shift)), value: t.value - qtoNumber(shift) }
      : {
          text: shift.n === 0n ? t.text! : `${t.text} - ${paren(shift)}`,
          latex: shift.n === 0n ? t.latex! : `${t.latex} - ${texQ(shift)}`,
          value: t.value - qtoNumber(shift),
        },
  );
}

const paren = (q: Rational): string => (q.d === 1n && q.n >= 0n ? `${q.n}` : `(${q.n}/${q.d})`);

/** Roots of t³ + pt + q. */
function depressedCubic(p: Rational, q: Rational): { node?: Node; text?: string; latex?: string; value: number }[] {
  // D = (q/2)² + (p/3)³: one real root if D > 0 (Cardano), three if D < 0 (casus irreducibilis).
  const D = qadd(qmul(qmul(q, q), Q(1, 4)), qdiv(qmul(p, qmul(p, p)), Q(27)));
  if (p.n === 0n) {
    const node = cbrtN(N(qneg(q)));
    return [{ node, value: evaluate(node, {}) }];
  }
  if (D.n > 0n) {
    const s = sqrtN(N(D));
    const node = add(cbrtN(add(N(qmul(qneg(q), half)), s)), cbrtN(sub(N(qmul(qneg(q), half)), s)));
    return [{ node, value: evaluate(node, {}) }];
  }
  // t_k = 2√(−p/3) cos(⅓ acos((3q/(2p))·√(−3/p)) − 2πk/3), k = 0, 1, 2 (p < 0 here).
  const mp3 = qdiv(qneg(p), Q(3));
  const arg = qdiv(qmul(Q(3), q), qmul(Q(2), p)); // times √(−3/p)
  const m3p = qdiv(Q(-3), p);
  const A = Math.acos(qtoNumber(arg) * Math.sqrt(qtoNumber(m3p)));
  const amp = mul(num(2), sqrtQ(mp3)); // 2√(−p/3)
  const inner = mul(N(arg), sqrtQ(m3p)); // (3q/2p)·√(−3/p), in [−1, 1]
  const wrap = (t: string): string => (/^[\w.^()/]+$/.test(t) ? t : `(${t})`);
  return [0, 1, 2].map((k) => ({
    text: `${wrap(toText(amp))}*cos(acos(${toText(inner)})/3${k === 0 ? '' : ` - ${2 * k}*pi/3`})`,
    latex: `${toLatex(amp)}\\cos\\left(\\tfrac{1}{3}\\arccos\\left(${toLatex(inner)}\\right)${k === 0 ? '' : ` - \\tfrac{${2 * k}\\pi}{3}`}\\right)`,
    value: 2 * Math.sqrt(qtoNumber(mp3)) * Math.cos(A / 3 - (2 * Math.PI * k) / 3),
  }));
}

const texQ = (q: Rational): string => toLatex(N(q));

/**
 * Monic quartic: shift to y⁴ + py² + qy + r; Ferrari with a positive root m of the resolvent
 * 8m³ + 8pm² + (2p² − 8r)m − q² (then y⁴ + py² + qy + r = (y² + p/2 + m)² − (√(2m)·y − q/(2√(2m)))²).
 */
function quartic(poly: QPoly): { node?: Node; value: number }[] {
  const [e, d, c, b] = [poly[0]!, poly[1]!, poly[2]!, poly[3]!];
  const shift = qdiv(b, Q(4));
  const b2 = qmul(b, b);
  const p = qsub(c, qmul(Q(3, 8), b2));
  const q = qadd(qsub(qdiv(qmul(b2, b), Q(8)), qdiv(qmul(b, c), Q(2))), d);
  const r = qadd(qsub(qadd(qmul(Q(-3, 256), qmul(b2, b2)), qdiv(qmul(b2, c), Q(16))), qdiv(qmul(b, d), Q(4))), e);
  const out = (ys: Node[]): { node: Node; value: number }[] =>
    ys.map((y) => {
      const node = sub(y, N(shift));
      return { node, value: evaluate(node, {}) };
    });
  if (q.n === 0n) {
    // Biquadratic: y² = (−p ± √(p² − 4r))/2.
    const disc = sqrtN(N(qsub(qmul(p, p), qmul(Q(4), r))));
    const ys: Node[] = [];
    for (const s of [1, -1]) {
      const y2 = mul(num(half), add(N(qneg(p)), mul(num(s), disc)));
      ys.push(sqrtN(y2), neg(sqrtN(y2)));
    }
    return out(ys);
  }
  // Resolvent, monic: m³ + p m² + (p²/4 − r) m − q²/8.
  const res: QPoly = [qneg(qdiv(qmul(q, q), Q(8))), qsub(qmul(qmul(p, p), Q(1, 4)), r), p, Q(1)];
  const mRoots = realRoots(res).filter((x) => Number(rootDecimal(x, 17)) > 0);
  const mRoot = mRoots.find((x) => x.exact !== undefined) ?? mRoots[0];
  if (mRoot === undefined) return [];
  let m: Node | undefined;
  if (mRoot.exact !== undefined) m = N(mRoot.exact);
  else {
    const forms = cubic(res.slice()).filter((f) => f.node && Math.abs(f.value - Number(rootDecimal(mRoot, 17))) < 1e-9 * (1 + Math.abs(f.value)));
    m = forms[0]?.node;
  }
  if (m === undefined) return []; // the resolvent's positive roots are casus irreducibilis
  const s = sqrtN(mul(num(2), m));
  const ys: Node[] = [];
  for (const sg of [1, -1]) {
    // y² − sg·s·y + (p/2 + m + sg·q/(2s)) = 0 → y = (sg·s ± √(−2m − 2p − sg·2q/s))/2
    const inner = add(mul(num(-2), m), N(qmul(Q(-2), p)), mul(num(-2 * sg), N(q), div(num(1), s)));
    for (const pm of [1, -1]) ys.push(mul(num(half), add(mul(num(sg), s), mul(num(pm), sqrtN(inner)))));
  }
  return out(ys);
}
