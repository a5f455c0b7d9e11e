/** The typed errors of the analysis: a bad request, or work refused up front by a budget. */
import { ClosedformError } from '../expr/errors.js';

/**
 * The analysis cannot do what was asked (unknown activation, data of the wrong shape, a budget
 * exceeded): one line naming what is wrong and, for budgets, the estimate and a hint.
 *
 * @example
 * ```ts
 * throw new AnalysisError('data has 3 columns, the network 1-2-1 needs 2 (x1, y1)');
 * // throws AnalysisError: data has 3 columns…
 * ```
 */
export class AnalysisError extends ClosedformError {
  override readonly name = 'AnalysisError';
}
