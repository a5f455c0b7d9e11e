/**
 * Files the user names, read with one-line errors. `-` is standard input, as for most Unix tools,
 * so a spec, an expression or a data set can come from a pipe.
 */
import { readFileSync } from 'node:fs';
import { ClosedformError } from '../expr/errors.js';

/** A file the user named cannot be read: the message names what it was for, the path and why. */
export class InputFileError extends ClosedformError {
  override readonly name = 'InputFileError';
}

/**
 * Standard input, all of it, as UTF-8 text (blocks until end of input).
 *
 * @example
 * ```ts
 * import { readStdin } from 'closedform/node';
 * const text = readStdin(); // echo "x^2" | node script.js
 * ```
 */
export function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (e) {
    throw new InputFileError(`cannot read standard input: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * The text of a file, or of standard input when `path` is `-`; an {@link InputFileError} naming
 * `what` and the path when it cannot be read.
 *
 * @example
 * ```ts
 * import { readCsv, readSpec, readTextFile } from 'closedform/node';
 * const spec = readSpec('1-2-1:quadratic');
 * readCsv(readTextFile('examples/quartic.csv', 'data file'), spec).inputs.length; // 6
 * ```
 */
export function readTextFile(path: string, what = 'file'): string {
  if (path === '-') return readStdin();
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputFileError(`cannot read ${what} '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
