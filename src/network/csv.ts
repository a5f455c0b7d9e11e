/**
 * Data sets from CSV text: a header naming the columns `x1,…,x{n0},y1,…,y{nL}` (any order, each
 * exactly once), then one data point per line. Values are read exactly (`0.1` is 1/10, `3/4`,
 * `1e-3`); blank lines and lines starting with `#` are skipped.
 */
import { type Rational, qparse } from '../expr/rational.js';
import { type Dataset, DatasetError, inputName, targetName } from './build.js';
import type { NetworkSpec } from './spec.js';

/** Most data rows read from CSV: each point is one substituted copy of the loss DAG. */
export const MAX_CSV_ROWS = 100_000;

/**
 * Read a data set for a network from CSV text, exactly.
 *
 * @example
 * ```ts
 * readCsv('x1,y1\n1,3\n2,5\n', parseSpec('1-1:identity'));
 * // { inputs: [[1], [2]], targets: [[3], [5]] } as rationals
 * ```
 */
export function readCsv(text: string, spec: NetworkSpec): Dataset {
  const n0 = spec.widths[0]!;
  const nL = spec.widths[spec.widths.length - 1]!;
  const expected = [...Array.from({ length: n0 }, (_, j) => inputName(j + 1)), ...Array.from({ length: nL }, (_, k) => targetName(k + 1))];
  const lines = text.split(/\r?\n/);
  let headerAt = -1;
  let column = new Map<string, number>();
  const inputs: Rational[][] = [];
  const targets: Rational[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(',').map((c) => c.trim());
    const at = `line ${i + 1}`;
    if (headerAt < 0) {
      headerAt = i;
      column = header(cells, expected, at);
      continue;
    }
    if (cells.length !== expected.length) throw new DatasetError(`${at}: ${cells.length} values, expected ${expected.length} (${expected.join(',')})`);
    if (inputs.length >= MAX_CSV_ROWS) throw new DatasetError(`${at}: more than ${MAX_CSV_ROWS} data rows, past the budget`);
    const value = (name: string): Rational => {
      const c = column.get(name)!;
      const q = qparse(cells[c]!);
      if (q === undefined) throw new DatasetError(`${at}: bad number '${cells[c]}' in column ${name}`);
      return q;
    };
    inputs.push(expected.slice(0, n0).map(value));
    targets.push(expected.slice(n0).map(value));
  }
  if (headerAt < 0) throw new DatasetError(`empty CSV: expected a header ${expected.join(',')}`);
  if (inputs.length === 0) throw new DatasetError('CSV has a header but no data rows');
  return { inputs, targets };
}

function header(cells: readonly string[], expected: readonly string[], at: string): Map<string, number> {
  const column = new Map<string, number>();
  cells.forEach((c, i) => {
    if (!expected.includes(c)) throw new DatasetError(`${at}: unknown column '${c}' in header (expected ${expected.join(',')})`);
    if (column.has(c)) throw new DatasetError(`${at}: column '${c}' appears twice in header`);
    column.set(c, i);
  });
  for (const e of expected) if (!column.has(e)) throw new DatasetError(`${at}: header lacks column '${e}' (expected ${expected.join(',')})`);
  return column;
}
