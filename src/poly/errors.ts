/**
 * The typed refusals of the poly module. Each message is one line naming what is wrong.
 *
 * @example
 * ```ts
 * try { expand(parse('relu(x)')); } catch (e) { e instanceof NotPolynomialError; } // true
 * ```
 */
import { ClosedformError, excerpt } from '../expr/errors.js';

/** Raised for an expression with a non-polynomial node; the message names the node (its text cut to an excerpt when long; `nodeText` holds all of it). */
export class NotPolynomialError extends ClosedformError {
  override readonly name = 'NotPolynomialError';
  constructor(
    readonly nodeText: string,
    reason: string,
  ) {
    super(`${excerpt(nodeText, 160)} is not polynomial (${reason})`);
  }
}

const fmt = (x: number): string => (Number.isFinite(x) ? (x < 1e6 ? String(Math.round(x)) : x.toExponential(2)) : '∞');

/** Raised before work that would explode: the estimate, the budget it passes, and a hint. */
export class ExpansionTooLargeError extends ClosedformError {
  override readonly name = 'ExpansionTooLargeError';
  constructor(
    readonly estimate: number,
    readonly budget: number,
    what = 'terms',
  ) {
    super(
      `expansion refused: ${what} estimated at ${fmt(estimate)} (budget ${fmt(budget)}); ` +
        'try a smaller network, substitute numeric input values, or group by fewer variables (--in)',
    );
  }
}

/** Raised for malformed input polynomials (unknown variable, wrong exponent vector). */
export class PolyInputError extends ClosedformError {
  override readonly name = 'PolyInputError';
}
