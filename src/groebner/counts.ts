/**
 * Counts from one modular basis: the dimension and the number of complex solutions (vdim) of an
 * ideal over Q read off the leading monomials of its reduced Gröbner basis modulo one prime, and
 * confirmed by a second prime replaying the first one's trace. Equal for every lucky prime, so
 * probabilistic only in that sense (a prime dividing some leading coefficient of the basis over
 * Q could give other leading monomials; the second prime's agreement is the check).
 */
import type { PolyTerms } from '../poly/terms.js';
import { type StepHook, type Trace, TraceMismatch } from './f4.js';
import { ModularBudgetError, basisModP, prepareInput } from './modular.js';
import { type Order } from './monomials.js';
import { makePrime, primesBelowBound } from './prime.js';
import { dimensionFromLeads, standardIds } from './quotient.js';

export interface ModularCounts {
  /** Krull dimension (−1: no solution) */
  readonly dimension: number;
  /** complex solutions with multiplicity, −1 when not zero-dimensional */
  readonly vdim: number;
  /** size of the reduced basis */
  readonly basisSize: number;
  /** primes whose bases agreed (2 unless the first was bad or off-trace) */
  readonly primes: number;
  /** milliseconds of the learning prime and of one replay */
  readonly learnMillis: number;
  readonly replayMillis: number;
  readonly trace: Trace;
}

/**
 * Dimension and vdim of ⟨polys⟩ ⊂ Q[vars] from one prime, checked on a second.
 *
 * @example
 * ```ts
 * const p = { vars: ['x'], terms: [{ exps: [3], coeff: Q(1) }, { exps: [0], coeff: Q(-1) }] };
 * modularCounts([p], ['x']).vdim; // 3
 * ```
 */
export function modularCounts(polys: readonly PolyTerms[], vars: readonly string[], opts: { millis?: number; order?: Order; onStep?: StepHook } = {}): ModularCounts {
  const order = opts.order ?? 'grevlex';
  const inp = prepareInput(polys, vars, order);
  const start = Date.now();
  const millis = opts.millis ?? Infinity;
  const hook: StepHook = (info): void => {
    opts.onStep?.(info);
    if (Date.now() - start > millis) throw new ModularBudgetError(`counting the solutions passed the time budget of ${millis} ms within the first prime's F4 run`);
  };
  const primes = primesBelowBound(64);
  let k = 0;
  for (;;) {
    if (k >= primes.length) throw new ModularBudgetError('no good prime among the first 64');
    const t0 = Date.now();
    const first = basisModP(inp, makePrime(primes[k++]!), undefined, hook);
    if (first === undefined) continue;
    const learnMillis = Date.now() - t0;
    const lms = first.basis.map((g) => g.mons[0]!);
    const dimension = inp.supports.length === 0 ? vars.length : dimensionFromLeads(inp.table, lms);
    const std = dimension === 0 ? standardIds(inp.table, lms, order, Infinity) : undefined;
    const vdim = std?.length ?? -1;
    // The check: a second prime replays the trace to the same leading monomials.
    for (; k < primes.length; k++) {
      const t1 = Date.now();
      try {
        const second = basisModP(inp, makePrime(primes[k]!), first.trace, hook);
        if (second === undefined) continue;
        return { dimension, vdim, basisSize: first.basis.length, primes: 2, learnMillis, replayMillis: Date.now() - t1, trace: first.trace };
      } catch (e) {
        if (!(e instanceof TraceMismatch)) throw e;
      }
    }
    return { dimension, vdim, basisSize: first.basis.length, primes: 1, learnMillis, replayMillis: learnMillis, trace: first.trace };
  }
}
