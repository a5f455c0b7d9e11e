/**
 * nerdamer-prime as an independent oracle for expansion. nerdamer misreads names with two
 * underscores (w1_2_3), so every symbol goes through a renaming table (v0, v1, …) both ways.
 */
import nerdamer from 'nerdamer-prime';
import { type Node, freeSymbols, parse, substitute, sym, toText } from '../../src/index.js';

/** nerdamer's expansion of e, read back into a core node with the original names. */
export function nerdamerExpand(e: Node): Node {
  const names = freeSymbols(e);
  const there = new Map(names.map((v, i) => [v, sym(`v${i}`)]));
  const back = new Map(names.map((v, i) => [`v${i}`, sym(v)]));
  const text = nerdamer(`expand(${toText(substitute(e, there))})`).toString();
  return substitute(parse(text), back);
}
