/**
 * The type of a Gröbner basis over Q, apart from groebner.ts (which computes it) so that the
 * modules groebner.ts calls (FGLM, the quotient ring) can name it without an import cycle.
 * groebner.ts re-exports it.
 */
import type { IPoly, TermOrder } from './groebner-core.js';
import type { PolyTerms } from './terms.js';

/** A reduced Gröbner basis with the statistics of its computation. */
export interface GroebnerBasis {
  vars: string[];
  order: TermOrder;
  /** Monic polynomials, increasing leading monomial. `[1]` for the unit ideal, `[]` for (0). */
  polys: PolyTerms[];
  /** The same basis as primitive integer polynomials (for normal forms in the quotient). */
  internal: IPoly[];
  stats: { pairs: number; zeroReductions: number; maxDegree: number; matrices: number };
  /** how the basis over Q was obtained: lifted from `primes` primes and checked on `checks` more */
  certainty: { method: 'modular'; primes: number; checks: number };
}
