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
 *    lucky prime) are combined by Chinese remaindering and lifted by rational reconstruction,
 *    tried at a growing schedule of prime counts; a lift is accepted when one more prime that
 *    took no part in it agrees — probabilistic, and said so. `certify` (certify.ts) proves it.
 */
import { type Rational, ONE, qadd } from '../expr/rational.js';
import { ClosedformError } from '../expr/errors.js';
import { type PolyTerms, toCommonVars } from '../poly/terms.js';
import { type F4Stats, type ModPoly, type StepHook, type Trace, TraceMismatch, f4Apply, f4Learn } from './f4.js';
import { type Crt, crtAdd, newCrt, rationalMod, reconstruct } from './lift.js';
import { type MonomialTable, type Order, compareIds, expsOf, insertExps, newTable } from './monomials.js';
import { type Prime, invmod, makePrime, primesBelowBound, ratmod } from './prime.js';

/** The input over Q as monomial ids of one table: the part every prime shares. */
export interface ModularInput {
  readonly vars: readonly string[];
  readonly order: Order;
  readonly table: MonomialTable;
  /** per polynomial: monomial ids, decreasing */
  readonly supports: Int32Array[];
  readonly coeffs: Rational[][];
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
  return { vars: [...vars], order, table: T, supports, coeffs };
}

/** The input modulo p, or undefined for a bad prime. */
export function inputModP(inp: ModularInput, P: Prime): ModPoly[] | undefined {
  const out: ModPoly[] = [];
  for (let i = 0; i < inp.supports.length; i++) {
    const cs = inp.coeffs[i]!;
    const cfs = new Float64Array(cs.length);
    for (let k = 0; k < cs.length; k++) {
      const r = ratmod(cs[k]!, P);
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

/** Next prime count at which a lift is tried: 1, 2, 3, 4, 6, 9, 13, … (×1.5). */
const nextAttempt = (k: number): number => Math.max(k + 1, Math.floor(k * 1.5));

/**
 * The reduced Gröbner basis over Q of polynomials with rational coefficients, by the modular
 * method (probabilistic: the lift is checked on `checks` further primes).
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
  let crt: Crt = newCrt();
  let agreeing = 0;
  let attempt = 1;
  const relearn = (): void => {
    skipped.relearned++;
    trace = undefined;
    crt = newCrt();
    agreeing = 0;
    attempt = 1;
  };
  const timeUp = (): void => {
    if (Date.now() - start > millis)
      throw new ModularBudgetError(`the modular Gröbner basis passed its time budget of ${millis} ms after ${crt.primes.length} primes (coefficients of ${crt.modulus.toString(2).length} bits not yet enough)`);
  };
  for (;;) {
    if (next >= primes.length || crt.primes.length >= maxPrimes)
      throw new ModularBudgetError(`no lift after ${crt.primes.length} primes (MAX_PRIMES ${maxPrimes}): the coefficients are larger than ${crt.modulus.toString(2).length} bits`);
    timeUp();
    const p = primes[next++]!;
    const P = makePrime(p);
    let r;
    try {
      r = basisModP(inp, P, trace, opts.hook);
    } catch (e) {
      if (!(e instanceof TraceMismatch)) throw e;
      skipped.offTrace++;
      // More primes off the trace than on it: the learning prime was unlucky; learn again.
      if (skipped.offTrace > agreeing) relearn();
      continue;
    }
    if (r === undefined) {
      skipped.bad++;
      continue;
    }
    if (trace === undefined) {
      trace = r.trace;
      shape = r.basis;
      opts.onPrime?.(1, 'learn');
    } else agreeing++;
    const flat = flatten(r.basis);
    crtAdd(crt, flat, p);
    opts.onPrime?.(crt.primes.length, 'lift');
    if (crt.primes.length < attempt) continue;
    attempt = nextAttempt(crt.primes.length);
    const lifted = tryLift(crt);
    if (lifted === undefined) continue;
    // Check on fresh primes that took no part in the lift.
    const checkPrimes: number[] = [];
    let ok = true;
    while (checkPrimes.length < checks) {
      timeUp();
      if (next >= primes.length) break;
      const q = primes[next++]!;
      let c;
      try {
        c = basisModP(inp, makePrime(q), trace);
      } catch (e) {
        if (!(e instanceof TraceMismatch)) throw e;
        skipped.offTrace++;
        if (skipped.offTrace > agreeing) {
          // the lift came from an unlucky learner's trace: start again
          relearn();
          ok = false;
          break;
        }
        continue;
      }
      if (c === undefined) {
        skipped.bad++;
        continue;
      }
      checkPrimes.push(q);
      opts.onPrime?.(checkPrimes.length, 'check');
      const fc = flatten(c.basis);
      if (!lifted.every((v, k) => rationalMod(v, q) === fc[k])) {
        ok = false;
        crtAdd(crt, fc, q);
        break;
      }
    }
    if (!ok || checkPrimes.length < checks) continue;
    return {
      vars: [...vars],
      order,
      polys: unflatten(inp, shape, lifted),
      primes: [...crt.primes],
      checkPrimes,
      skipped,
      stats: trace!.stats,
      trace: trace!,
    };
  }
}

/** Reconstruct every value, sampled first: the last coefficient of each block tends to be the largest. */
export function tryLift(crt: Crt): Rational[] | undefined {
  const n = crt.values.length;
  const probe = [n - 1, Math.floor(n / 2), 0].filter((k) => k >= 0 && k < n);
  for (const k of probe) if (reconstruct(crt.values[k]!, crt.modulus) === undefined) return undefined;
  const out: Rational[] = [];
  for (const v of crt.values) {
    const q = reconstruct(v, crt.modulus);
    if (q === undefined) return undefined;
    out.push(q);
  }
  return out;
}

export function unflatten(inp: ModularInput, shape: readonly ModPoly[], values: readonly Rational[]): PolyTerms[] {
  const T = inp.table;
  let w = 0;
  return shape.map((g) => ({
    vars: [...inp.vars],
    terms: Array.from(g.mons, (m, k) => ({ exps: expsOf(T, m), coeff: k === 0 ? ONE : values[w++]! })),
  }));
}
