/**
 * FGLM (Faugère, Gianni, Lazard, Mora 1993): change a zero-dimensional Gröbner basis to lex order
 * by linear algebra in the quotient ring A = Q[x]/I.
 *
 * Monomials are visited in increasing lex order, each one a variable times a monomial already
 * under the new staircase, so its normal form is one multiplication in A. A monomial whose normal
 * form is a combination of the staircase's gives the lex basis element m − Σ c_j s_j; otherwise it
 * joins the staircase. The result is the reduced lex basis (its tails are standard monomials).
 */
import { Q } from '../expr/rational.js';
import { type IPoly, lex, makePrimitive, mono, divides } from './groebner-core.js';
import { Echelon, Quotient, linearForm, standardMonomials } from './groebner-quotient.js';
import type { GroebnerBasis } from './groebner-basis.js';

/** The reduced lex basis of a zero-dimensional ideal given by any Gröbner basis; undefined otherwise. */
export function fglmLex(gb: GroebnerBasis): Omit<GroebnerBasis, 'stats' | 'certainty'> | undefined {
  if (standardMonomials(gb) === undefined) return undefined;
  const n = gb.vars.length;
  const q = new Quotient(gb);
  const xs = gb.vars.map((_, i) => linearForm(gb.vars.map((__, k) => (k === i ? 1 : 0)), lex));
  const ech = new Echelon(q.dim);
  const stair: { m: Int32Array; v: ReturnType<Quotient['coords']> }[] = [];
  const leads: Int32Array[] = [];
  const out: IPoly[] = [];
  const seen = new Set<string>();
  // Candidates, kept sorted decreasing so that pop() gives the lex-smallest.
  const cand: { m: Int32Array; v: () => ReturnType<Quotient['coords']> }[] = [];
  const one = mono(new Array<number>(n).fill(0));
  cand.push({ m: one, v: () => q.coords({ ms: [one], cs: [1n], sugar: 0 }) });
  while (cand.length > 0) {
    cand.sort((a, b) => lex(b.m, a.m));
    const { m, v: mk } = cand.pop()!;
    const key = m.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (leads.some((l) => divides(l, m))) continue;
    const v = mk();
    const dep = ech.add(v, stair.length);
    if (dep !== undefined) {
      // m + Σ_{j<k} dep_j s_j ≡ 0: a lex basis element with leading monomial m.
      const terms: [Int32Array, typeof dep[number]][] = [[m, dep[stair.length]!]];
      for (let j = 0; j < stair.length; j++) if (dep[j]!.n !== 0n) terms.push([stair[j]!.m, dep[j]!]);
      terms.sort((a, b) => lex(b[0], a[0]));
      let l = 1n;
      for (const [, c] of terms) l = (l * c.d) / gcdB(l, c.d);
      const p: IPoly = { ms: terms.map((t) => t[0]), cs: terms.map((t) => (t[1].n * l) / t[1].d), sugar: m[0]! };
      makePrimitive(p);
      out.push(p);
      leads.push(m);
      continue;
    }
    stair.push({ m, v });
    for (let i = 0; i < n; i++) {
      const next = m.slice();
      next[i + 1]!++;
      next[0]!++;
      const x = xs[i]!;
      cand.push({ m: next, v: () => q.mulBy(x, v) });
    }
  }
  // Minimal basis: FGLM's leading monomials are already the minimal generators of the new
  // initial ideal (a candidate divisible by an earlier lead is skipped). Sort increasing.
  out.sort((a, b) => lex(a.ms[0]!, b.ms[0]!));
  return {
    vars: [...gb.vars],
    order: 'lex',
    polys: out.map((p) => ({ vars: [...gb.vars], terms: p.ms.map((m, i) => ({ exps: Array.from(m.subarray(1)), coeff: Q(p.cs[i]!, p.cs[0]!) })) })),
    internal: out,
  };
}

const gcdB = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
