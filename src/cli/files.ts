/**
 * The CLI's files: one way to read a file an option names (or standard input for `-`), and one way
 * to write an output file, each ending in a one-line usage error that names the option, the path
 * (quoted with escapes) and the reason.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Json, JsonError, quote, readJson, readTextFile } from '../node/index.js';
import { type Io, UsageError, fromStdin } from './io.js';

/**
 * The text of the file an option names (`--data points.csv`), or standard input for `-`. A file
 * that cannot be read, is a directory or is past the input budget is an InputFileError (a
 * ClosedformError: one line, exit 2).
 */
export function readInput(io: Io, path: string, what: string, option: string): string {
  return path === '-' ? fromStdin(io, `${option} -`) : readTextFile(path, what);
}

/** A JSON file an option names, read strictly (a repeated key, deep nesting or trailing text refused). */
export function readJsonInput(io: Io, path: string, what: string, option: string): Json {
  const text = readInput(io, path, what, option);
  try {
    return readJson(text, `${what} ${quote(path)}`);
  } catch (e) {
    if (e instanceof JsonError) throw new UsageError(e.message);
    throw e;
  }
}

/** Why a write failed, in one line. */
const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/**
 * Write text, or pieces of it as they come (the whole text need never exist as one string), to
 * `path`, creating its folder; returns the bytes written. `onPiece` sees the running byte count.
 */
export function writeOutput(path: string, text: string | Iterable<string>, onPiece?: (bytes: number) => void): number {
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w');
  } catch (e) {
    throw new UsageError(`cannot write ${quote(path)}: ${why(e)}`);
  }
  let bytes = 0;
  try {
    for (const p of typeof text === 'string' ? [text] : text) {
      bytes += writeSync(fd, p);
      onPiece?.(bytes);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${quote(path)}: ${why(e)}`);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
