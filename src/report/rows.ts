/** Display rows from nodes and from LaTeX equations, with the right-hand side fitted to the page. */
import type { Node } from '../expr/node.js';
import type { Row } from './document.js';
import { LINE_WIDTH_BUDGET, breakLines, latexWidth } from './linebreak.js';

/**
 * A row `lhs = rhs` with the right-hand side broken into lines that fit beside the left-hand
 * side (the relation and the continuation indent `\qquad` take about 4 units).
 *
 * @example
 * ```ts
 * import { row, parse } from 'closedform';
 * row('y', parse('x^2')); // { lhs: 'y', rel: '=', rhs: ['x^{2}'] }
 * ```
 */
export function row(lhs: string, rhs: Node, rel = '='): Row {
  return { lhs, rel, rhs: breakLines(rhs, Math.max(24, LINE_WIDTH_BUDGET - latexWidth(lhs) - 4)) };
}

/**
 * Whether every line of a row fits the page: the first beside `lhs =`, the continuations beside
 * the indent. False when a part that cannot break (a long denominator inside `\frac`) is too wide.
 */
export function rowFits(r: Row): boolean {
  const room = LINE_WIDTH_BUDGET - latexWidth(r.lhs) - 4;
  return r.rhs.every((line) => latexWidth(line) <= room);
}

/** A LaTeX equation `lhs = rhs` (a side condition `W \in \mathbb{R}^{…}, …` is not one): `isEquation('a = b')` is true. */
export const isEquation = (e: string): boolean => / = /.test(e) && !/^[^=]*\\in /.test(e);

/** `lhs = rhs` as a row aligned at its first ` = `: `equationRow('a = b + c')` is `{ lhs: 'a', rhs: ['b + c'] }`. */
export function equationRow(e: string): Row {
  const at = e.indexOf(' = ');
  return { lhs: e.slice(0, at), rhs: [e.slice(at + 3)] };
}
