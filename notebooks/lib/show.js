/**
 * Notebook-side display helpers (not part of the library): formulas as KaTeX HTML through the
 * tslab kernel's `display`, and claim checks that throw, so a headless run fails on a false claim.
 *
 * Usage in a notebook cell:
 *   import * as tslab from 'tslab';
 *   import { notebook } from './lib/show.js';
 *   const nb = notebook(tslab.display);
 *   nb.eq('f', someNode); nb.check(1 + 1 === 2, 'arithmetic works');
 */
import katex from 'katex';
import { toLatex, treeSize, dagSize } from '../../dist/index.js';
import { inlinedKatexCss } from '../../dist/node/index.js';

/** Longest LaTeX string shown as a formula; longer ones are described, never cut off. */
export const MAX_LATEX_CHARS = 6000;

/** A claim of the notebook that its computation contradicts. */
export class ClaimFailed extends Error {
  constructor(claim, detail) {
    super(`claim failed: ${claim}${detail ? ` (${detail})` : ''}`);
    this.name = 'ClaimFailed';
  }
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Render text with `$…$` spans as inline KaTeX, `…` spans as code, and the rest escaped. */
function richText(text) {
  return text
    .split(/(\$[^$]+\$)/)
    .map((part) => (part.startsWith('$') && part.endsWith('$') && part.length > 1
      ? katex.renderToString(part.slice(1, -1), { throwOnError: true })
      : escapeHtml(part).replace(/`([^`]+)`/g, '<code>$1</code>')))
    .join('');
}

/**
 * Bind the helpers to a kernel's display. Shows the KaTeX stylesheet once.
 * @param {import('tslab').Display} display
 */
export function notebook(display) {
  display.html(`<style>${inlinedKatexCss()}</style><div style="color:#666">KaTeX ${katex.version} loaded.</div>`);
  const tex = (latex) => {
    if (latex.length > MAX_LATEX_CHARS) {
      display.html(`<div><em>${latex.length} characters of LaTeX: too long to read, not shown.</em></div>`);
      return;
    }
    display.html(katex.renderToString(latex, { displayMode: true, throwOnError: true }));
  };
  return {
    tex,
    eq(lhs, e) {
      const body = toLatex(e);
      if (body.length > MAX_LATEX_CHARS) {
        display.html(`<div>${richText(`$${lhs}$`)}: <em>${body.length} characters of LaTeX `
          + `(${dagSize(e)} distinct nodes, ${treeSize(e)} as a tree): too long to read, not shown.</em></div>`);
        return;
      }
      tex(lhs === '' ? body : `${lhs} = ${body}`);
    },
    text(s) {
      display.html(`<div>${richText(s)}</div>`);
    },
    check(ok, claim, detail) {
      if (!ok) throw new ClaimFailed(claim, detail);
      display.html(`<div style="color:#176c2f">✔ ${richText(claim)}</div>`);
    },
    table(header, rows) {
      const cell = (c, tag) => `<${tag} style="padding:2px 10px;text-align:left">${richText(String(c))}</${tag}>`;
      display.html(`<table><tr>${header.map((h) => cell(h, 'th')).join('')}</tr>`
        + rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('') + '</table>');
    },
  };
}
