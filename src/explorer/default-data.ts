/**
 * The small data set the landscape uses when the reader typed none; the page shows it as CSV and
 * lets the reader edit it and compute again.
 */
import { type NetworkSpec, inputName, targetName } from '../index.js';

/** Points of the default data set. */
const DEFAULT_POINTS = 5;

/**
 * A small data set for a network with n₀ inputs and n_L outputs: five points with inputs on the
 * integers −2…2 (input j is point p's offset `(p·(j+1) mod 5) − 2`, so inputs are not all equal)
 * and targets y_k = (s² − 1)/2 + (k − 1) with s the sum of the inputs — a curved target, so a
 * linear model does not fit it exactly and the loss surface has something to show.
 *
 * @example
 * ```ts
 * defaultDataCsv(parseSpec('1-2-1:quadratic')); // 'x1,y1\n-2,3/2\n-1,0\n0,-1/2\n1,0\n2,3/2\n'
 * ```
 */
export function defaultDataCsv(spec: NetworkSpec): string {
  const n0 = spec.widths[0]!;
  const nL = spec.widths.at(-1)!;
  const header = [...Array.from({ length: n0 }, (_, j) => inputName(j + 1)), ...Array.from({ length: nL }, (_, k) => targetName(k + 1))];
  const rows = Array.from({ length: DEFAULT_POINTS }, (_, p) => {
    const x = Array.from({ length: n0 }, (_, j) => ((p * (j + 1)) % DEFAULT_POINTS) - 2);
    const s = x.reduce((a, b) => a + b, 0);
    const y = Array.from({ length: nL }, (_, k) => half(s * s - 1 + 2 * k));
    return [...x.map(String), ...y].join(',');
  });
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}

/** m/2 in lowest terms, as the CSV reader reads it exactly. */
const half = (m: number): string => (m % 2 === 0 ? String(m / 2) : `${m}/2`);
