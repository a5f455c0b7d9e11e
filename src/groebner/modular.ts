/**
 * The modular driver: Gröbner bases over Q from bases over F_p.
 *
 * 1. The input's residues modulo a prime p (p dividing no numerator or denominator, so that every
 *    polynomial keeps its support — otherwise the prime is "bad" and skipped).
 * 2. The first good prime learns an F4 trace; every further prime replays it (f4.ts).
 * 3. A prime whose replay leaves the learned trace is set aside; when those outnumber the primes
 *    that follow it, the learning prime was the unlucky one (its leading monomials disagree with
 *    the majority) and the trace is learned again on the next prime.
 * 4. The residues of the reduced bases (monic, so the image of the reduced basis over Q for every
 *    lucky prime) are lifted coefficient by coefficient (lift.ts, `Lifter`): Chinese remaindering
 *    and rational reconstruction until a value is confirmed by a prime that took no part in it;
 *    the lift is accepted when every coefficient is confirmed and the last prime confirmed them
 *    all without entering any lift — probabilistic, and said so. `certify` (certify.ts) proves it.
 */
import { type Rational, ONE, qadd } from '../expr/rational.js';
import { ClosedformError } from '../expr/errors.js';
import { type PolyTerms, toCommonVars } from '../poly/terms.js';
import { type F4Stats, type ModPoly, type StepHook, type Trace, TraceMismatch, f4Apply, f4Learn } from './f4.js';
import { type Crt, type Lifter, liftAdd, liftResult, newLifter, tryLiftValues } from './lift.js';
import { type MonomialTable, type Order, compareIds, expsOf, insertExps, newTable } from './monomials.js';
import { type Prime, invmod, makePrime, mulmod, primesBelowBound, ratmod, reduce } from './prime.js';

/** The input over Q as monomial ids of one table: the part every prime shares. */
export interface ModularInput {
  readonly vars: readonly string[];
  readonly order: Order;
  readonly table: MonomialTable;
  /** per polynomial: monomial ids, decreasing */
  readonly supports: Int32Array[];
  readonly coeffs: Rational[][];
  /** per polynomial: numerators and denominators as doubles where both are below 2⁵³ (else NaN), for fast residues */
  readonly small?: { num: Float64Array; den: Float64Array }[];
}

/** A modular computation stopped by its limits. */
export class ModularBudgetError extends ClosedformError {
  override readonly name = 'ModularBudgetError';
}

/** Primes tried before giving up on a lift (26-bit primes: 2 000 of them lift 50 000-bit numbers). */
export const MAX_PRIMES = 2_000;

/** The input polynomials over one variable list (validated by toCommonVars), zero polynomials dropped. */
export function prepareInput(polys: readonly PolyTerms[], vars: readonly string[], order: Order): ModularInput {
  const T = newTable(vars.length);
  const supports: Int32Array[] = [];
  const coeffs: Rational[][] = [];
  for (const terms of toCommonVars(polys, vars)) {
    const acc = new Map<number, Rational>();
    for (const t of terms) {
      if (t.coeff.n === 0n) continue;
      const id = insertExps(T, t.exps);
      const old = acc.get(id);
      acc.set(id, old === undefined ? t.coeff : qadd(old, t.coeff));
    }
    const ids = [...acc.keys()].filter((id) => acc.get(id)!.n !== 0n).sort((a, b) => compareIds(T, order, b, a));
    if (ids.length === 0) continue;
    supports.push(Int32Array.from(ids));
    coeffs.push(ids.map((id) => acc.get(id)!));
  }
  const SAFE = 2n ** 53n;
  const fits = (q: Rational): boolean => q.d < SAFE && q.n < SAFE && q.n > -SAFE;
  const small = coeffs.map((cs) => {
    const num = new Float64Array(cs.length);
    const den = new Float64Array(cs.length);
    cs.forEach((q, k) => {
      num[k] = fits(q) ? Number(q.n) : NaN;
      den[k] = fits(q) ? Number(q.d) : NaN;
    });
    return { num, den };
  });
  return { vars: [...vars], order, table: T, supports, coeffs, small };
}

/** The input modulo p, or undefined for a bad prime. */
export function inputModP(inp: ModularInput, P: Prime): ModPoly[] | undefined {
  const out: ModPoly[] = [];
  const p = P.p;
  for (let i = 0; i < inp.supports.length; i++) {
    const cs = inp.coeffs[i]!;
    const sm = inp.small?.[i];
    const cfs = new Float64Array(cs.length);
    for (let k = 0; k < cs.length; k++) {
      const dn = sm === undefined ? NaN : sm.den[k]!;
      let r: number | undefined;
      if (Number.isNaN(dn)) r = ratmod(cs[k]!, P);
      else {
        // n/d mod p in doubles (n, d below 2⁵³: % is exact); p dividing either is a bad prime
        const d = dn % p;
        const n = reduce(sm!.num[k]! % p, P);
        r = d === 0 || n === 0 ? undefined : d === 1 ? n : mulmod(n, invmod(d, P), P);
      }
      if (r === undefined) return undefined;
      cfs[k] = r;
    }
    out.push({ mons: inp.supports[i]!, cfs });
  }
  return out;
}

/** One prime's reduced basis: learned (no trace given) or replayed. */
export function basisModP(inp: ModularInput, P: Prime, trace?: Trace, hook?: StepHook): { basis: ModPoly[]; trace: Trace } | undefined {
  const f = inputModP(inp, P);
  if (f === undefined) return undefined;
  const inv = (a: number): number => invmod(a, P);
  if (trace === undefined) return f4Learn(inp.table, f, P, inp.order, inv, hook);
  return { basis: f4Apply(trace, f, P, inv, hook), trace };
}

/** A Gröbner basis over Q computed modularly. */
export interface ModularBasis {
  readonly vars: string[];
  readonly order: Order;
  /** monic, increasing leading monomial; `[1]` for the unit ideal */
  readonly polys: PolyTerms[];
  /** primes that entered the lift */
  readonly primes: number[];
  /** primes that only checked the lift */
  readonly checkPrimes: number[];
  /** primes skipped: bad (a coefficient vanished) or off the learned trace */
  readonly skipped: { bad: number; offTrace: number; relearned: number };
  readonly stats: F4Stats;
  readonly trace: Trace;
}

export interface ModularOptions {
  /** primes that must agree with the lift before it is accepted (default 1) */
  checks?: number;
  /** wall-clock budget in ms */
  millis?: number;
  maxPrimes?: number;
  /** called after each prime with the count so far */
  onPrime?: (done: number, phase: 'learn' | 'lift' | 'check') => void;
  hook?: StepHook;
}

/** Shape of a basis: supports, used to flatten residues in one order. */
export const flatten = (basis: readonly ModPoly[]): Float64Array => {
  let n = 0;
  for (const g of basis) n += g.cfs.length - 1;
  const out = new Float64Array(n);
  let w = 0;
  for (const g of basis) for (let k = 1; k < g.cfs.length; k++) out[w++] = g.cfs[k]!;
  return out;
};

/**
 * The reduced Gröbner basis over Q of polynomials with rational coefficients, by the modular
 * method (probabilistic: every coefficient is checked on primes that took no part in its lift,
 * and the last `checks` primes took part in none).
 *
 * @example
 * ```ts
 * const x2 = { vars: ['x', 'y'], terms: [{ exps: [2, 0], coeff: Q(1) }, { exps: [0, 1], coeff: Q(-1, 3) }] };
 * const y2 = { vars: ['x', 'y'], terms: [{ exps: [0, 2], coeff: Q(1) }, { exps: [0, 0], coeff: Q(-2) }] };
 * modularGroebner([x2, y2], ['x', 'y']).polys.length; // 2: y² − 2, x² − y/3
 * ```
 */
export function modularGroebner(polys: readonly PolyTerms[], vars: readonly string[], order: Order = 'grevlex', opts: ModularOptions = {}): ModularBasis {
  const inp = prepareInput(polys, vars, order);
  const start = Date.now();
  const millis = opts.millis ?? Infinity;
  const maxPrimes = opts.maxPrimes ?? MAX_PRIMES;
  const checks = opts.checks ?? 1;
  const primes = primesBelowBound(maxPrimes + 64);
  const skipped = { bad: 0, offTrace: 0, relearned: 0 };
  let next = 0;
  let trace: Trace | undefined;
  let shape: ModPoly[] = [];
  let lifter: Lifter | undefined;
  let agreeing = 0;
  const bits = (): number => (lifter === undefined ? 0 : lifter.modulus.toString(2).length);
  for (;;) {
    const used = lifter?.primes.length ?? 0;
    if (next >= primes.length || used >= maxPrimes)
      throw new ModularBudgetError(`no lift after ${used} primes (MAX_PRIMES ${maxPrimes}): the coefficients are larger than ${bits()} bits`);
    if (Date.now() - start > millis)
      throw new ModularBudgetError(`the modular Gröbner basis passed its time budget of ${millis} ms after ${used} primes (coefficients of ${bits()} bits not yet enough)`);
    const p = primes[next++]!;
    let r;
    try {
      r = basisModP(inp, makePrime(p), trace, opts.hook);
    } catch (e) {
      if (!(e instanceof TraceMismatch)) throw e;
      skipped.offTrace++;
      // More primes off the trace than on it: the learning prime was unlucky; learn again.
      if (skipped.offTrace > agreeing) {
        skipped.relearned++;
        trace = undefined;
        lifter = undefined;
        agreeing = 0;
      }
      continue;
    }
    if (r === undefined) {
      skipped.bad++;
      continue;
    }
    if (trace === undefined || lifter === undefined) {
      trace = r.trace;
      shape = r.basis;
      lifter = newLifter(flatLength(shape), checks, blockSizes(shape));
      opts.onPrime?.(1, 'learn');
    } else agreeing++;
    const done = liftAdd(lifter, flatten(r.basis), p);
    opts.onPrime?.(lifter.primes.length, lifter.open === 0 ? 'check' : 'lift');
    if (!done) continue;
    const lifted = liftResult(lifter);
    return {
      vars: [...vars],
      order,
      polys: unflatten(inp, shape, lifted.values),
      primes: lifted.primes,
      checkPrimes: lifted.checkPrimes,
      skipped,
      stats: trace.stats,
      trace,
    };
  }
}

const flatLength = (basis: readonly ModPoly[]): number => basis.reduce((n, g) => n + g.cfs.length - 1, 0);
/** The blocks of the flattened residues: one per basis element, its tail coefficients. */
export const blockSizes = (basis: readonly ModPoly[]): number[] => basis.map((g) => g.cfs.length - 1);

/** Reconstruct every value, sampled first: the last coefficient of each block tends to be the largest. */
export function tryLift(crt: Crt): Rational[] | undefined {
  const n = crt.values.length;
  return tryLiftValues(crt.values, crt.modulus, [n - 1, Math.floor(n / 2), 0].filter((k) => k >= 0 && k < n));
}

export function unflatten(inp: ModularInput, shape: readonly ModPoly[], values: readonly Rational[]): PolyTerms[] {
  const T = inp.table;
  let w = 0;
  return shape.map((g) => ({
    vars: [...inp.vars],
    terms: Array.from(g.mons, (m, k) => ({ exps: expsOf(T, m), coeff: k === 0 ? ONE : values[w++]! })),
  }));
}
