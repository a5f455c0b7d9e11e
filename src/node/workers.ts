/**
 * The modular Gröbner driver with its primes replayed in parallel worker threads (node's
 * worker_threads, one replaying worker per core by default). The learning run stays in this
 * thread; each round sends one prime to every worker and feeds what comes back to the lift
 * (lift.ts, `Lifter`) in prime order — the same decisions as the one-thread driver
 * (src/groebner/modular.ts), so the same basis and the same primes.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PolyTerms } from '../poly/terms.js';
import { liftAdd, liftResult, newLifter } from '../groebner/lift.js';
import { type ModularBasis, MAX_PRIMES, ModularBudgetError, basisModP, blockSizes, flatten, prepareInput, unflatten } from '../groebner/modular.js';
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

/** Replaying workers kept for many calls (each call sends its own input and trace). */
export interface PrimePool {
  readonly workers: readonly Worker[];
  /** Stop the workers. */
  close(): Promise<void>;
}

const defaultWorkers = (): number => Math.max(1, availableParallelism() - 1);

/**
 * A pool of `size` replaying workers for {@link modularGroebnerParallel}, so that a census of many
 * systems starts its threads (and warms their JIT) once. The workers do not keep the process
 * alive between calls; `close()` stops them.
 *
 * @example
 * ```ts
 * const pool = primePool(2);
 * for (const s of systems) await modularGroebnerParallel(s.polys, s.vars, 'grevlex', { pool });
 * await pool.close();
 * ```
 */
export function primePool(size = defaultWorkers()): PrimePool {
  const workers = Array.from({ length: Math.max(1, size) }, spawn);
  for (const w of workers) w.unref();
  return { workers, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

/**
 * The reduced Gröbner basis over Q with primes replayed on `workers` threads (started for this
 * call, while the first prime is learned here) or on a kept `pool`.
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
  opts: { workers?: number; millis?: number; pool?: PrimePool } = {},
): Promise<ModularBasis> {
  const inp = prepareInput(polys, vars, order);
  const primes = primesBelowBound(MAX_PRIMES + 64);
  const start = Date.now();
  // Threads of its own start now, booting on the other cores while this one learns.
  const own = opts.pool === undefined ? primePool(opts.workers ?? defaultWorkers()) : undefined;
  const pool = [...(opts.pool ?? own!).workers];
  const k = pool.length;
  let next = 0;
  let learned;
  const skipped = { bad: 0, offTrace: 0, relearned: 0 };
  try {
    while (learned === undefined) {
      if (next >= primes.length) throw new ModularBudgetError('no good prime to learn on');
      learned = basisModP(inp, makePrime(primes[next++]!));
      if (learned === undefined) skipped.bad++;
    }
  } catch (e) {
    await own?.close();
    throw e;
  }
  for (const w of pool) {
    w.ref();
    w.postMessage({ inp, trace: learned.trace });
  }
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
  const first = flatten(learned.basis);
  const lifter = newLifter(first.length, 1, blockSizes(learned.basis));
  let done = liftAdd(lifter, first, primes[next - 1]!);
  let agreeing = 0;
  try {
    while (!done) {
      if (Date.now() - start > (opts.millis ?? Infinity)) throw new ModularBudgetError(`the modular Gröbner basis passed its time budget of ${opts.millis} ms after ${lifter.primes.length} primes`);
      if (next + k > primes.length) throw new ModularBudgetError(`no lift after ${lifter.primes.length} primes (MAX_PRIMES ${MAX_PRIMES})`);
      const round = pool.map((w, i) => ask(w, primes[next + i]!));
      next += k;
      // The round's answers enter the lift in prime order, as the one-thread driver feeds them.
      for (const a of await Promise.all(round)) {
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
        done = liftAdd(lifter, a.residues!, a.prime);
        if (done) break;
      }
    }
    const lifted = liftResult(lifter);
    return {
      vars: [...vars],
      order,
      polys: unflatten(inp, learned.basis, lifted.values),
      primes: lifted.primes,
      checkPrimes: lifted.checkPrimes,
      skipped,
      stats: learned.trace.stats,
      trace: learned.trace,
    };
  } finally {
    if (own) await own.close();
    else for (const w of pool) w.unref();
  }
}
