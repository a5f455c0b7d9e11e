/**
 * The text form of a node, installed on every node (see "The text form" in expr/node.ts):
 * `String(e)`, `${e}`, `console.log(e)`, Node's REPL and a notebook cell print `x^2 + 1` rather
 * than `[object Object]` or the fields. It is the text syntax of {@link toText}, so it reads back
 * with `parse`; a formula too big to read is shown by its sizes instead, never cut off.
 */
import type { Node } from '../expr/node.js';
import { setTextForm } from '../expr/text-form.js';
import { dagSize, treeSize } from '../expr/walk.js';
import { toText } from './text.js';

/**
 * Most nodes, written out as a tree, of a formula shown whole by its text form. Text runs ~10
 * characters per tree node, so this is ~100 kB: past reading at a prompt, and printing
 * σ(σ(…)) formulas whose trees have 10³⁰ nodes would never finish.
 */
export const TEXT_FORM_TREE_BUDGET = 10_000n;

/**
 * What a node shows as text: the formula in the text syntax, or, past
 * {@link TEXT_FORM_TREE_BUDGET}, its kind and sizes with the way to get the rest.
 *
 * @example
 * ```ts
 * import { parse, textForm } from 'closedform';
 * textForm(parse('x*x + 1')); // 'x^2 + 1'
 * String(parse('x*x + 1'));   // 'x^2 + 1', the same
 * ```
 */
export function textForm(e: Node): string {
  const size = treeSize(e);
  if (size <= TEXT_FORM_TREE_BUDGET) return toText(e);
  return `<${e.kind} of ${dagSize(e)} distinct nodes, ${size} written out as a tree: too long to show; toText(e) prints it>`;
}

setTextForm(textForm);
