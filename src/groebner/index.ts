/** Public exports of the census engine (re-exported by src/api.ts). */
export { PRIME_BOUND, primesBelowBound } from './prime.js';
export { type ModularInput, type ModularBasis, type ModularOptions, ModularBudgetError, MAX_PRIMES, prepareInput, modularGroebner } from './modular.js';
export { type ModularCounts, modularCounts } from './counts.js';
export { type Rur, type RurRefusal, MAX_RUR_DIM, modularRur } from './rur.js';
export { type F4Stats } from './f4.js';
export { reconstruct } from './lift.js';
