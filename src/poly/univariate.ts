/**
 * Univariate polynomials over Q as dense coefficient arrays, lowest degree first
 * (`[c0, c1, …, cn]`, no trailing zeros; `[]` is the zero polynomial), and over Z as BigInt
 * arrays for fast exact sign evaluation.
 */
import { type Rational, ONE, Q, ZERO, gcd, qadd, qdiv, qisZero, qmul, qneg, qsub, qtoString } from '../expr/rational.js';

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
  if (b.length === 0) throw new RangeError('division by the zero polynomial');
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

/** Monic greatest common divisor over Q (gcd(0, 0) = 0). */
export function qpolyGcd(a: QPoly, b: QPoly): QPoly {
  let x = trim(a.slice());
  let y = trim(b.slice());
  while (y.length > 0) {
    // Keep the intermediate remainders monic: the gcd is defined up to a unit anyway.
    [x, y] = [y, monic(divmod(x, y).r)];
  }
  return monic(x);
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

/** The square-free part p / gcd(p, p′), monic. */
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

/** Exact value p(x). */
export function evalQ(p: QPoly, x: Rational): Rational {
  let acc = ZERO;
  for (let i = p.length - 1; i >= 0; i--) acc = qadd(qmul(acc, x), p[i]!);
  return acc;
}

/** p as text in the variable `x` (`x^2 - 2`), highest degree first. */
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

/** Polynomial with the given rational roots: ∏ (x − r). */
export function fromRoots(roots: readonly Rational[]): QPoly {
  let p: QPoly = [ONE];
  for (const r of roots) p = qpolyMul(p, [qneg(r), ONE]);
  return p;
}
