/**
 * A node as a notebook shows it: one MIME bundle with text/plain, text/latex and text/html
 * together, and the front end picks what it renders best (Jupyter's display protocol, which tslab
 * speaks; closedform/notebook's `show` sends it). The HTML is KaTeX's MathML, which browsers
 * render natively, so it needs no stylesheet and no fonts: it works offline, in any notebook
 * viewer, and in a page that never loaded KaTeX.
 */
import katex from 'katex';
import type { Node } from '../expr/node.js';
import { dagSize, treeSize } from '../expr/walk.js';
import { TEXT_FORM_TREE_BUDGET, textForm } from '../print/inspect.js';
import { toLatex } from '../print/latex.js';
import { MAX_TEX_NESTING, escapeHtml, texNesting } from './html.js';

/** The three representations of one value, keyed by MIME type. */
export interface MimeBundle {
  readonly 'text/plain': string;
  readonly 'text/latex': string;
  readonly 'text/html': string;
}

/**
 * The display of a node: the text form, LaTeX in `$$ … $$`, and MathML. A formula past
 * {@link TEXT_FORM_TREE_BUDGET} is described by its sizes in all three, never cut off.
 *
 * @example
 * ```ts
 * import { mimeBundle, parse } from 'closedform';
 * const b = mimeBundle(parse('x^2/2'));
 * b['text/plain']; // 'x^2/2'
 * b['text/latex']; // '$$\\frac{x^{2}}{2}$$'
 * b['text/html'].startsWith('<span class="katex"><math'); // true
 * ```
 */
export function mimeBundle(e: Node): MimeBundle {
  const size = treeSize(e);
  if (size > TEXT_FORM_TREE_BUDGET) {
    const what = `a formula of ${dagSize(e)} distinct nodes, ${size} written out as a tree: too long to show`;
    return { 'text/plain': textForm(e), 'text/latex': `$$\\text{${what}}$$`, 'text/html': `<em>${escapeHtml(what)}</em>` };
  }
  const latex = toLatex(e);
  const nesting = texNesting(latex);
  if (nesting > MAX_TEX_NESTING) {
    // past what KaTeX can typeset without overflowing the stack: the LaTeX is still given, the HTML says why it is missing
    const what = `a formula nested ${nesting} groups deep: too deep to typeset (at most ${MAX_TEX_NESTING})`;
    return { 'text/plain': textForm(e), 'text/latex': `$$${latex}$$`, 'text/html': `<em>${escapeHtml(what)}</em>` };
  }
  const html = katex.renderToString(latex, { displayMode: true, output: 'mathml', throwOnError: false, strict: 'ignore' });
  return { 'text/plain': textForm(e), 'text/latex': `$$${latex}$$`, 'text/html': html };
}
