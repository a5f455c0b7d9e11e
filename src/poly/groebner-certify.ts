/**
 * Certificate of a modularly computed Gröbner basis G of ⟨F⟩, exactly over Q:
 * (1) every f ∈ F reduces to 0 modulo G, so ⟨F⟩ ⊆ ⟨G⟩;
 * (2) every S-polynomial of G reduces to 0 (Buchberger's criterion), skipping pairs with coprime
 *     leading monomials and pairs (i, j) with some lm g_k | lcm(i, j) whose pairs (i, k), (k, j)
 *     were checked (chain criterion): G is a Gröbner basis of ⟨G⟩;
 * (3) for a zero-dimensional ⟨G⟩: dim_Q Q[x]/⟨F⟩ ≤ dim F_p[x]/⟨F mod p⟩ for every prime p not
 *     dividing a coefficient of F (semicontinuity of the fibre dimension), and the latter is the
 *     count of G's own standard monomials when p is one of the lift's primes; with (1) that gives
 *     dim Q[x]/⟨F⟩ ≤ dim Q[x]/⟨G⟩ ≤ dim Q[x]/⟨F⟩, so ⟨F⟩ = ⟨G⟩. Positive-dimensional ideals get
 *     (1) and (2) only, and the certificate says so.
 */
import { type IPoly, type MonoCmp, combine, coprime, divides, fromRationalTerms, monoDiv, monoLcm, normalForm, orderCmp } from './groebner-core.js';
import { type GroebnerBasis, toCommonVars } from './groebner.js';
import type { PolyTerms } from './terms.js';
import { solutionCount } from './groebner-quotient.js';

export interface BasisCertificate {
  /** every input polynomial reduces to 0 modulo the basis */
  readonly inputReduces: boolean;
  /** every S-pair not skipped by the criteria reduces to 0 (Buchberger's criterion) */
  readonly sPairsReduce: boolean;
  readonly pairsChecked: number;
  readonly pairsSkipped: number;
  /** ⟨G⟩ = ⟨F⟩: proved by (3) for zero-dimensional ideals, otherwise not shown */
  readonly sameIdeal: 'proved' | 'not shown';
}

function sPoly(f: IPoly, g: IPoly, cmp: MonoCmp): IPoly {
  const lcm = monoLcm(f.ms[0]!, g.ms[0]!);
  const tf = monoDiv(lcm, f.ms[0]!);
  const tg = monoDiv(lcm, g.ms[0]!);
  const ff: IPoly = { ms: f.ms.map((m) => m.map((e, i) => e + tf[i]!) as Int32Array), cs: f.cs, sugar: 0 };
  return combine(g.cs[0]!, ff, f.cs[0]!, tg, g, cmp);
}

/**
 * Check a basis exactly over Q (the `--certify` of `solve`): the input reduces to 0 and the basis
 * passes Buchberger's S-pair criterion with the product and chain criteria.
 *
 * @example
 * ```ts
 * const gb = groebner(system, vars);
 * certifyBasis(gb, system, modularCounts(system, vars).vdim).sameIdeal; // 'proved' (zero-dimensional)
 * ```
 */
export function certifyBasis(gb: GroebnerBasis, input: readonly PolyTerms[], modularVdim?: number): BasisCertificate {
  const cmp = orderCmp(gb.order);
  const G = gb.internal;
  const F = toCommonVars(input, gb.vars).map((t) => fromRationalTerms(gb.vars.length, t, cmp)).filter((p) => p.ms.length > 0);
  const inputReduces = F.every((f) => normalForm(f, G, cmp).r.ms.length === 0);
  const done = new Set<string>();
  const key = (i: number, j: number): string => (i < j ? `${i},${j}` : `${j},${i}`);
  const pairs: [number, number, Int32Array][] = [];
  for (let j = 0; j < G.length; j++) for (let i = 0; i < j; i++) pairs.push([i, j, monoLcm(G[i]!.ms[0]!, G[j]!.ms[0]!)]);
  pairs.sort((a, b) => cmp(a[2], b[2]));
  let checked = 0;
  let skipped = 0;
  let sPairsReduce = true;
  for (const [i, j, lcm] of pairs) {
    const chain = G.some((g, k) => k !== i && k !== j && divides(g.ms[0]!, lcm) && done.has(key(i, k)) && done.has(key(k, j)));
    if (coprime(G[i]!.ms[0]!, G[j]!.ms[0]!) || chain) {
      skipped++;
      done.add(key(i, j));
      continue;
    }
    checked++;
    if (normalForm(sPoly(G[i]!, G[j]!, cmp), G, cmp, undefined, undefined, true).r.ms.length !== 0) {
      sPairsReduce = false;
      break;
    }
    done.add(key(i, j));
  }
  const vdim = solutionCount(gb);
  const sameIdeal = inputReduces && sPairsReduce && vdim >= 0 && modularVdim === vdim ? 'proved' : 'not shown';
  return { inputReduces, sPairsReduce, pairsChecked: checked, pairsSkipped: skipped, sameIdeal };
}
