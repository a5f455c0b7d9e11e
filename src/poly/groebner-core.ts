/**
 * The internal polynomial representation for Gröbner work, tuned for reduction:
 *
 * - a monomial is an `Int32Array` `[deg, e1, …, en]` (total degree first, so grevlex compares
 *   the degree in one step);
 * - a polynomial is two parallel arrays, monomials strictly decreasing in the term order and
 *   BigInt coefficients, kept primitive (content 1) with a positive leading coefficient.
 *
 * Integer coefficients with fraction-free reduction avoid a gcd per rational operation; the
 * basis is made monic over Q only at the end.
 */
import { type Rational, Q, gcd } from '../expr/rational.js';

/** A term order on monomials: positive when a > b. */
export type MonoCmp = (a: Int32Array, b: Int32Array) => number;

/** Monomial orders understood by the engine (Singular's `dp` and `lp`). */
export type TermOrder = 'grevlex' | 'lex';

/**
 * Graded reverse lexicographic order: higher total degree first; on a tie the monomial with the
 * smaller exponent in the last variable where they differ is the larger (x1 > x2 > … > xn).
 */
export function grevlex(a: Int32Array, b: Int32Array): number {
  if (a[0] !== b[0]) return a[0]! - b[0]!;
  for (let i = a.length - 1; i >= 1; i--) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/** Lexicographic order x1 > x2 > … > xn (an elimination order for every tail of variables). */
export function lex(a: Int32Array, b: Int32Array): number {
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The comparison function of a named order. */
export const orderCmp = (o: TermOrder): MonoCmp => (o === 'lex' ? lex : grevlex);

/** A polynomial with integer coefficients; `ms[0]` is the leading monomial. */
export interface IPoly {
  readonly ms: Int32Array[];
  readonly cs: bigint[];
  /** Sugar degree (Giovini et al.): the degree the polynomial would have if homogenised. */
  sugar: number;
}

/** Monomial from an exponent vector. */
export function mono(exps: readonly number[]): Int32Array {
  const m = new Int32Array(exps.length + 1);
  let d = 0;
  for (let i = 0; i < exps.length; i++) {
    m[i + 1] = exps[i]!;
    d += exps[i]!;
  }
  m[0] = d;
  return m;
}

export const monoMul = (a: Int32Array, b: Int32Array): Int32Array => {
  const m = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) m[i] = a[i]! + b[i]!;
  return m;
};

/** Does a divide b? */
export function divides(a: Int32Array, b: Int32Array): boolean {
  if (a[0]! > b[0]!) return false;
  for (let i = 1; i < a.length; i++) if (a[i]! > b[i]!) return false;
  return true;
}

/** b / a, assuming a | b. */
export const monoDiv = (b: Int32Array, a: Int32Array): Int32Array => {
  const m = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) m[i] = b[i]! - a[i]!;
  return m;
};

export function monoLcm(a: Int32Array, b: Int32Array): Int32Array {
  const m = new Int32Array(a.length);
  let d = 0;
  for (let i = 1; i < a.length; i++) {
    m[i] = Math.max(a[i]!, b[i]!);
    d += m[i]!;
  }
  m[0] = d;
  return m;
}

/** gcd(a, b) = 1: no variable occurs in both (Buchberger's first criterion applies). */
export function coprime(a: Int32Array, b: Int32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! > 0 && b[i]! > 0) return false;
  return true;
}

export function monoEq(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const absB = (a: bigint): bigint => (a < 0n ? -a : a);

/** Divide by the content and make the leading coefficient positive (in place). Returns the divisor. */
export function makePrimitive(p: IPoly): bigint {
  if (p.cs.length === 0) return 1n;
  let g = 0n;
  for (const c of p.cs) {
    g = gcd(g, c);
    if (g === 1n) break;
  }
  if (p.cs[0]! < 0n) g = -g;
  if (g !== 1n) for (let i = 0; i < p.cs.length; i++) p.cs[i] = p.cs[i]! / g;
  return g;
}

/** Integer polynomial from rational terms: denominators cleared, sorted, primitive. */
export function fromRationalTerms(
  nvars: number,
  terms: readonly { exps: readonly number[]; coeff: Rational }[],
  cmp: MonoCmp,
): IPoly {
  let l = 1n;
  for (const t of terms) if (t.coeff.n !== 0n) l = (l / gcd(l, t.coeff.d)) * t.coeff.d;
  const pairs: [Int32Array, bigint][] = [];
  for (const t of terms) {
    if (t.coeff.n === 0n) continue;
    if (t.exps.length !== nvars) throw new RangeError(`term has ${t.exps.length} exponents, expected ${nvars}`);
    pairs.push([mono(t.exps), (t.coeff.n * l) / t.coeff.d]);
  }
  pairs.sort((a, b) => cmp(b[0], a[0]));
  // merge equal monomials
  const ms: Int32Array[] = [];
  const cs: bigint[] = [];
  for (const [m, c] of pairs) {
    if (ms.length > 0 && monoEq(ms[ms.length - 1]!, m)) cs[cs.length - 1] = cs[cs.length - 1]! + c;
    else {
      ms.push(m);
      cs.push(c);
    }
  }
  const p: IPoly = { ms: [], cs: [], sugar: 0 };
  for (let i = 0; i < ms.length; i++)
    if (cs[i] !== 0n) {
      p.ms.push(ms[i]!);
      p.cs.push(cs[i]!);
      p.sugar = Math.max(p.sugar, ms[i]![0]!);
    }
  makePrimitive(p);
  return p;
}

/** Monic rational terms (leading coefficient 1), in decreasing order. */
export function toMonicTerms(p: IPoly): { exps: number[]; coeff: Rational }[] {
  const lc = p.cs[0]!;
  return p.ms.map((m, i) => ({ exps: Array.from(m.subarray(1)), coeff: Q(p.cs[i]!, lc) }));
}

/**
 * a·p − b·t·q (t a monomial): the merge at the heart of reduction. Both inputs sorted; the result
 * sorted with zero coefficients dropped.
 */
export function combine(a: bigint, p: IPoly, b: bigint, t: Int32Array, q: IPoly, cmp: MonoCmp, from = 0): IPoly {
  const ms: Int32Array[] = [];
  const cs: bigint[] = [];
  let i = from;
  let j = 0;
  const pm = p.ms;
  const qm = q.ms;
  let tq: Int32Array | undefined = qm.length > 0 ? monoMul(t, qm[0]!) : undefined;
  while (i < pm.length || tq !== undefined) {
    const c = tq === undefined ? 1 : i >= pm.length ? -1 : cmp(pm[i]!, tq);
    if (c > 0) {
      ms.push(pm[i]!);
      cs.push(a === 1n ? p.cs[i]! : a * p.cs[i]!);
      i++;
    } else if (c < 0) {
      ms.push(tq!);
      cs.push(-b * q.cs[j]!);
      j++;
      tq = j < qm.length ? monoMul(t, qm[j]!) : undefined;
    } else {
      const v = a * p.cs[i]! - b * q.cs[j]!;
      if (v !== 0n) {
        ms.push(pm[i]!);
        cs.push(v);
      }
      i++;
      j++;
      tq = j < qm.length ? monoMul(t, qm[j]!) : undefined;
    }
  }
  return { ms, cs, sugar: Math.max(p.sugar, q.sugar + t[0]!) };
}

/** Result of a normal form: `scale · f ≡ r (mod G)` with `scale` a positive integer. */
export interface Reduced {
  r: IPoly;
  scale: bigint;
}

/**
 * Full normal form of f with respect to the polynomials G (every term reduced, not only the
 * leading one), fraction-free: each step multiplies by lc(g)/gcd(lc(f), lc(g)) and tracks the
 * accumulated factor. `skip` is left out of G (to reduce a basis element by the others); `tick`
 * is called every few steps with the current polynomial (budget checks may throw from it);
 * `topOnly` stops once the leading term is irreducible (Buchberger needs only that; the tails are
 * reduced once, at the end).
 */
export function normalForm(
  f: IPoly,
  G: readonly IPoly[],
  cmp: MonoCmp,
  skip?: IPoly,
  tick?: (p: IPoly) => void,
  topOnly = false,
): Reduced {
  let p: IPoly = { ms: f.ms.slice(), cs: f.cs.slice(), sugar: f.sugar };
  const rm: Int32Array[] = [];
  const rc: bigint[] = [];
  let scale = 1n;
  let steps = 0;
  let pi = 0; // terms of p before pi have been moved to the remainder
  while (pi < p.ms.length) {
    const lm = p.ms[pi]!;
    let g: IPoly | undefined;
    for (const h of G) if (h !== skip && h.ms.length > 0 && divides(h.ms[0]!, lm)) {
      g = h;
      break;
    }
    if (g === undefined) {
      // Top reduction: the leading term is irreducible, the tail stays as it is.
      if (topOnly) return { r: { ms: p.ms.slice(pi), cs: p.cs.slice(pi), sugar: p.sugar }, scale };
      rm.push(lm);
      rc.push(p.cs[pi]!);
      pi++;
      continue;
    }
    const cp = p.cs[pi]!;
    const cg = g.cs[0]!;
    const d = gcd(cp, cg);
    let a = cg / d;
    let b = cp / d;
    if (a < 0n) {
      a = -a;
      b = -b;
    }
    p = combine(a, p, b, monoDiv(lm, g.ms[0]!), g, cmp, pi);
    pi = 0;
    if (a !== 1n) {
      scale *= a;
      for (let k = 0; k < rc.length; k++) rc[k] = rc[k]! * a;
    }
    // Keep coefficients small: divide everything by the common content now and then.
    if (++steps % 8 === 0) {
      tick?.(p);
      let c = scale;
      for (const x of rc) c = gcd(c, x);
      for (const x of p.cs) if (c !== 1n) c = gcd(c, x);
      if (c > 1n) {
        scale /= c;
        for (let k = 0; k < rc.length; k++) rc[k] = rc[k]! / c;
        for (let k = 0; k < p.cs.length; k++) p.cs[k] = p.cs[k]! / c;
      }
    }
  }
  return { r: { ms: rm, cs: rc, sugar: p.sugar }, scale };
}

/** Render a polynomial for error messages and debugging (variables by name). */
export function ipolyToString(p: IPoly, vars: readonly string[]): string {
  if (p.ms.length === 0) return '0';
  return p.ms
    .map((m, i) => {
      const c = p.cs[i]!;
      const parts: string[] = [];
      for (let k = 1; k < m.length; k++) if (m[k]! > 0) parts.push(m[k] === 1 ? vars[k - 1]! : `${vars[k - 1]}^${m[k]}`);
      const mag = absB(c);
      const body = parts.length === 0 ? `${mag}` : mag === 1n ? parts.join('*') : `${mag}*${parts.join('*')}`;
      return `${c < 0n ? '-' : i === 0 ? '' : '+'}${body}`;
    })
    .join('');
}
