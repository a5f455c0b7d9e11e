/**
 * Univariate polynomials over Q as dense coefficient arrays, lowest degree first
 * (`[c0, c1, …, cn]`, no trailing zeros; `[]` is the zero polynomial), and over Z as BigInt
 * arrays for fast exact sign evaluation.
 */
import { type Rational, ArithmeticError, ONE, Q, ZERO, gcd, qadd, qdiv, qisZero, qmul, qneg, qsub, qtoString } from '../expr/rational.js';

/** A polynomial over Q, coefficients from the constant term up. */
export type QPoly = Rational[];
/** A polynomial over Z, coefficients from the constant term up. */
export type ZPoly = bigint[];

/** Drop trailing zero coefficients (in place). */
export function trim<T extends Rational | bigint>(p: T[]): T[] {
  const isZ = (c: T): boolean => (typeof c === 'bigint' ? c === 0n : qisZero(c as Rational));
  while (p.length > 0 && isZ(p[p.length - 1]!)) p.pop();
  return p;
}

export const degree = (p: readonly unknown[]): number => p.length - 1;

/** p / lc(p). */
export function monic(p: QPoly): QPoly {
  if (p.length === 0) return [];
  const lc = p[p.length - 1]!;
  return p.map((c) => qdiv(c, lc));
}

export function qpolyAdd(a: QPoly, b: QPoly): QPoly {
  const out: QPoly = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(qadd(a[i] ?? ZERO, b[i] ?? ZERO));
  return trim(out);
}

export const qpolySub = (a: QPoly, b: QPoly): QPoly => qpolyAdd(a, b.map(qneg));

export function qpolyMul(a: QPoly, b: QPoly): QPoly {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<Rational>(a.length + b.length - 1).fill(ZERO);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] = qadd(out[i + j]!, qmul(a[i]!, b[j]!));
  return trim(out);
}

export function derivative(p: QPoly): QPoly {
  return trim(p.slice(1).map((c, i) => qmul(c, Q(i + 1))));
}

/** Quotient and remainder of a by b over Q (b ≠ 0). */
export function divmod(a: QPoly, b: QPoly): { q: QPoly; r: QPoly } {
  if (b.length === 0) throw new ArithmeticError('division by the zero polynomial');
  const r = a.slice();
  const db = b.length - 1;
  const lc = b[db]!;
  const q = new Array<Rational>(Math.max(0, r.length - db)).fill(ZERO);
  for (let k = r.length - 1; k >= db; k--) {
    const c = qdiv(r[k]!, lc);
    if (qisZero(c)) continue;
    q[k - db] = c;
    for (let j = 0; j <= db; j++) r[k - db + j] = qsub(r[k - db + j]!, qmul(c, b[j]!));
  }
  return { q: trim(q), r: trim(r.slice(0, db)) };
}

/**
 * Monic greatest common divisor over Q (gcd(0, 0) = 0), by the primitive remainder sequence on
 * integers (the gcd is defined up to a unit, so positive scalings do not matter).
 */
export function qpolyGcd(a: QPoly, b: QPoly): QPoly {
  let x = toZ(trim(a.slice()));
  let y = toZ(trim(b.slice()));
  while (y.length > 0) [x, y] = [y, pseudoRem(x, y)];
  return monic(x.map((c) => Q(c)));
}

/** A positive multiple of rem(a, b), primitive. */
export function pseudoRem(a: ZPoly, b: ZPoly): ZPoly {
  const r = a.slice();
  const db = b.length - 1;
  const lb = b[db]!;
  const alb = lb < 0n ? -lb : lb;
  const sg = lb < 0n ? -1n : 1n;
  while (r.length - 1 >= db && r.length > 0) {
    const dr = r.length - 1;
    const c = r[dr]! * sg;
    const k = dr - db;
    // r ← |lb|·r − sign(lb)·c·x^k·b kills the leading term and keeps the sign of r mod b.
    for (let i = 0; i < r.length; i++) r[i] = r[i]! * alb;
    for (let j = 0; j <= db; j++) r[k + j] = r[k + j]! - c * b[j]!;
    trim(r);
  }
  return primitive(r);
}

/** Divide by the positive content. */
export function primitive(p: ZPoly): ZPoly {
  let g = 0n;
  for (const c of p) {
    g = gcd(g, c);
    if (g === 1n) return trim(p);
  }
  return g > 1n ? trim(p.map((c) => c / g)) : trim(p);
}



/**
 * Square-free decomposition (Yun's algorithm): monic p = ∏ a_i^i with a_i square-free and
 * pairwise coprime. Returns the nonconstant factors with their multiplicities.
 *
 * @example
 * ```ts
 * // (x − 1)²(x + 2) → [{ factor: x + 2, multiplicity: 1 }, { factor: x − 1, multiplicity: 2 }]
 * ```
 */
export function squarefreeDecomposition(p: QPoly): { factor: QPoly; multiplicity: number }[] {
  const f = monic(trim(p.slice()));
  if (f.length <= 1) return [];
  const out: { factor: QPoly; multiplicity: number }[] = [];
  const fp = derivative(f);
  const a0 = qpolyGcd(f, fp);
  let b = divmod(f, a0).q;
  let c = divmod(fp, a0).q;
  let d = qpolySub(c, derivative(b));
  for (let i = 1; b.length > 1; i++) {
    const a = qpolyGcd(b, d);
    if (a.length > 1) out.push({ factor: a, multiplicity: i });
    b = divmod(b, a).q;
    c = divmod(d, a).q;
    d = qpolySub(c, derivative(b));
  }
  return out;
}

/**
 * The square-free part p / gcd(p, p′), monic.
 *
 * @example
 * ```ts
 * squarefreePart([Q(1), Q(-2), Q(1)]); // (x − 1)² → x − 1, i.e. [Q(-1), Q(1)]
 * ```
 */
export function squarefreePart(p: QPoly): QPoly {
  const f = monic(trim(p.slice()));
  if (f.length <= 1) return f;
  return monic(divmod(f, qpolyGcd(f, derivative(f))).q);
}

/** Positive integer multiple with content 1 (the sign of every value is kept). */
export function toZ(p: QPoly): ZPoly {
  let l = 1n;
  for (const c of p) if (c.n !== 0n) l = (l / gcd(l, c.d)) * c.d;
  const z = p.map((c) => (c.n * l) / c.d);
  let g = 0n;
  for (const c of z) g = gcd(g, c);
  return g > 1n ? z.map((c) => c / g) : z;
}

/** Sign of p(n/d) for d > 0, exactly: the sign of Σ c_i n^i d^(deg−i). */
export function signAt(p: ZPoly, x: Rational): number {
  if (p.length === 0) return 0;
  let acc = p[p.length - 1]!;
  let dp = x.d;
  for (let i = p.length - 2; i >= 0; i--) {
    acc = acc * x.n + p[i]! * dp;
    dp *= x.d;
  }
  return acc < 0n ? -1 : acc > 0n ? 1 : 0;
}

/**
 * Exact value p(x), by integer Horner: with l the common denominator of the coefficients and
 * x = n/d, p(x) = (Σ l·p_i n^i d^(deg−i)) / (l·d^deg) — one gcd at the end instead of one per
 * operation (the coefficients of eliminants have hundreds of digits).
 */
export function evalQ(p: QPoly, x: Rational): Rational {
  const { n, d } = evalFraction(p, x);
  return Q(n, d);
}

/** p(x) as an unreduced fraction n/d (d > 0): for decimals, which need no gcd. */
export function evalFraction(p: QPoly, x: Rational): { n: bigint; d: bigint } {
  if (p.length === 0) return { n: 0n, d: 1n };
  let l = 1n;
  for (const c of p) if (c.n !== 0n) l = (l / gcd(l, c.d)) * c.d;
  let acc = (p[p.length - 1]!.n * l) / p[p.length - 1]!.d;
  let dp = x.d;
  for (let i = p.length - 2; i >= 0; i--) {
    acc = acc * x.n + ((p[i]!.n * l) / p[i]!.d) * dp;
    dp *= x.d;
  }
  return { n: acc, d: l * (dp / x.d) };
}

/**
 * p as text in the variable `x`, highest degree first.
 *
 * @example
 * ```ts
 * qpolyToText([Q(-2), Q(0), Q(1)], 'y'); // 'y^2 - 2'
 * ```
 */
export function qpolyToText(p: QPoly, x = 'x'): string {
  const parts: string[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const c = p[i]!;
    if (qisZero(c)) continue;
    const neg = c.n < 0n;
    const mag = qtoString(neg ? qneg(c) : c);
    const mon = i === 0 ? '' : i === 1 ? x : `${x}^${i}`;
    const body = mon === '' ? mag : mag === '1' ? mon : `${mag}*${mon}`;
    parts.push(parts.length === 0 ? (neg ? `-${body}` : body) : `${neg ? '-' : '+'} ${body}`);
  }
  return parts.length === 0 ? '0' : parts.join(' ');
}

/**
 * Polynomial with the given rational roots: ∏ (x − r).
 *
 * @example
 * ```ts
 * fromRoots([Q(1), Q(2)]); // x² − 3x + 2, i.e. [Q(2), Q(-3), Q(1)]
 * ```
 */
export function fromRoots(roots: readonly Rational[]): QPoly {
  let p: QPoly = [ONE];
  for (const r of roots) p = qpolyMul(p, [qneg(r), ONE]);
  return p;
}
