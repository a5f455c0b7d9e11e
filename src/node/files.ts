/**
 * Files the user names, read with one-line errors. `-` is standard input, as for most Unix tools,
 * so a spec, an expression or a data set can come from a pipe.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { ClosedformError, quote } from '../expr/errors.js';

/** A file the user named cannot be read: the message names what it was for, the path and why. */
export class InputFileError extends ClosedformError {
  override readonly name = 'InputFileError';
}

/**
 * Largest input file read: every input the library takes as text (a spec, equations, a CSV of at
 * most MAX_CSV_ROWS points, parameters) is far below it, and reading a multi-gigabyte file by
 * mistake would exhaust memory before any parser could say no.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message.split('\n')[0]! : String(e));

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
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch (e) {
    throw new InputFileError(`cannot read standard input: ${why(e)}`);
  }
  if (text.length > MAX_INPUT_BYTES) throw new InputFileError(`standard input has more than ${MAX_INPUT_BYTES} characters, past the input budget`);
  return text;
}

/**
 * The text of a file, or of standard input when `path` is `-`; an {@link InputFileError} naming
 * `what` and the path when it cannot be read, is not a regular file, or is larger than
 * {@link MAX_INPUT_BYTES}.
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
  const named = `${what} ${quote(path)}`;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputFileError(`cannot read ${named}: ${why(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputFileError(`cannot read ${named}: it is a directory`);
    if (st.isFile() && st.size > MAX_INPUT_BYTES) throw new InputFileError(`${named} has ${st.size} bytes, past the input budget of ${MAX_INPUT_BYTES} bytes`);
    const text = readFileSync(fd, 'utf8');
    if (text.length > MAX_INPUT_BYTES) throw new InputFileError(`${named} has more than ${MAX_INPUT_BYTES} characters, past the input budget`);
    return text;
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(`cannot read ${named}: ${why(e)}`);
  } finally {
    closeSync(fd);
  }
}
