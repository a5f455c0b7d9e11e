/**
 * The modular Gröbner driver with its primes replayed in parallel worker threads (node's
 * worker_threads, one replaying worker per core by default). The learning run stays in this
 * thread; each round sends one prime to every worker, combines what comes back by Chinese
 * remaindering in prime order, tries the lift, and checks it on the next round's first prime —
 * the same decisions as the one-thread driver (src/groebner/modular.ts), so the same basis.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PolyTerms } from '../poly/terms.js';
import { type Crt, crtAdd, newCrt, rationalMod } from '../groebner/lift.js';
import { type ModularBasis, MAX_PRIMES, ModularBudgetError, basisModP, flatten, prepareInput, tryLift, unflatten } from '../groebner/modular.js';
import { type Order } from '../groebner/monomials.js';
import { makePrime, primesBelowBound } from '../groebner/prime.js';

type Answer = { prime: number; status: 'ok' | 'bad' | 'off' | 'error'; residues?: Float64Array; message?: string };

/**
 * A worker running prime-worker.js; from the TypeScript source (tests, tsx), a bootstrap first
 * registers tsx's loader in the worker and then imports prime-worker.ts. The bootstrap's text is
 * fixed: only this module's own URL goes into it, never user input.
 */
function spawn(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./prime-worker.js', import.meta.url));
  const target = JSON.stringify(new URL('./prime-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${target}); });`, { eval: true });
}

/**
 * The reduced Gröbner basis over Q with primes replayed on `workers` threads.
 *
 * @example
 * ```ts
 * const b = await modularGroebnerParallel(system, vars, 'grevlex', { workers: 2 });
 * b.polys.length;
 * ```
 */
export async function modularGroebnerParallel(
  polys: readonly PolyTerms[],
  vars: readonly string[],
  order: Order = 'grevlex',
  opts: { workers?: number; millis?: number } = {},
): Promise<ModularBasis> {
  const inp = prepareInput(polys, vars, order);
  const primes = primesBelowBound(MAX_PRIMES + 64);
  const start = Date.now();
  let next = 0;
  let learned;
  const skipped = { bad: 0, offTrace: 0, relearned: 0 };
  while (learned === undefined) {
    if (next >= primes.length) throw new ModularBudgetError('no good prime to learn on');
    learned = basisModP(inp, makePrime(primes[next++]!));
    if (learned === undefined) skipped.bad++;
  }
  const k = Math.max(1, opts.workers ?? Math.max(1, availableParallelism() - 1));
  const pool = Array.from({ length: k }, spawn);
  for (const w of pool) w.postMessage({ inp, trace: learned.trace });
  const ask = (w: Worker, prime: number): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const onMsg = (a: Answer): void => {
        w.off('error', onErr);
        resolve(a);
      };
      const onErr = (e: Error): void => {
        w.off('message', onMsg);
        reject(e);
      };
      w.once('message', onMsg);
      w.once('error', onErr);
      w.postMessage({ prime });
    });
  const crt: Crt = newCrt();
  crtAdd(crt, flatten(learned.basis), primes[next - 1]!);
  let agreeing = 0;
  let pending: Answer[] = [];
  try {
    for (;;) {
      if (Date.now() - start > (opts.millis ?? Infinity)) throw new ModularBudgetError(`the modular Gröbner basis passed its time budget of ${opts.millis} ms after ${crt.primes.length} primes`);
      if (next + k > primes.length) throw new ModularBudgetError(`no lift after ${crt.primes.length} primes (MAX_PRIMES ${MAX_PRIMES})`);
      const round = pool.map((w, i) => ask(w, primes[next + i]!));
      next += k;
      pending = await Promise.all(round);
      const lifted = tryLift(crt);
      // The round's first good prime checks the lift made before it; the rest join the CRT.
      let checked = false;
      let failed = false;
      for (const a of pending) {
        if (a.status === 'error') throw new Error(a.message);
        if (a.status === 'bad') {
          skipped.bad++;
          continue;
        }
        if (a.status === 'off') {
          skipped.offTrace++;
          if (skipped.offTrace > agreeing) throw new ModularBudgetError('the learning prime was unlucky (more primes left its trace than followed it): use the one-thread driver, which learns again');
          continue;
        }
        agreeing++;
        if (lifted !== undefined && !checked && !failed) {
          if (lifted.every((v, i) => rationalMod(v, a.prime) === a.residues![i])) {
            checked = true;
            return {
              vars: [...vars],
              order,
              polys: unflatten(inp, learned.basis, lifted),
              primes: [...crt.primes],
              checkPrimes: [a.prime],
              skipped,
              stats: learned.trace.stats,
              trace: learned.trace,
            };
          }
          failed = true;
        }
        crtAdd(crt, a.residues!, a.prime);
      }
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
