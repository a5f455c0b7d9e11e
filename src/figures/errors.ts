/** Errors of the figures module. */
import { ClosedformError } from '../expr/errors.js';

/** A figure that cannot be drawn for this input (wrong kind of network, a parameter that does not exist, no data); one line, saying why. */
export class FigureError extends ClosedformError {
  override readonly name = 'FigureError';
}
