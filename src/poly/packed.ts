/**
 * The packed form the kernels work on, and their one refusal: apart from kernel.ts so that the
 * bucketed product (buckets.ts), which kernel.ts calls, can name them without an import cycle.
 * kernel.ts re-exports both.
 */
import { ClosedformError } from '../expr/errors.js';

/** Packed terms: `n` monomials of `words` words each, integer coefficients (no zeros). */
export interface Packed<C extends Float64Array | bigint[] = Float64Array | bigint[]> {
  readonly n: number;
  readonly mono: Int32Array;
  readonly coef: C;
}

/** Raised by the kernels when a result would exceed the term limit. */
export class TermLimitError extends ClosedformError {
  override readonly name = 'TermLimitError';
  constructor(readonly limit: number) {
    super(`more than ${limit} terms`);
  }
}
