/**
 * A derivation as one HTML page: every formula rendered ahead of time by `katex.renderToString`,
 * with KaTeX's stylesheet inline. Given the stylesheet with its fonts as `data:` URLs
 * (`inlinedKatexCss()` of closedform/node, which reads them from disk), the page needs no network
 * and no companion files (open it from a USB stick, mail it); in a browser, the caller passes the
 * stylesheet it serves. Browser-clean: the renderer itself reads nothing.
 */
import katex from 'katex';
import { assertNever } from '../expr/node.js';
import { type Derivation, type Inline, type Row, type Step, displayLatex } from './document.js';

/** KaTeX renders into a `.katex-error` span instead of throwing, so a bad formula shows on the page and fails the browser test. */
const KATEX_OPTIONS = { throwOnError: false, strict: 'ignore' as const, output: 'htmlAndMathml' as const };

/** Escape text for HTML element content and attribute values: `escapeHtml('<a & "b">')` is `'&lt;a &amp; &quot;b&quot;&gt;'`. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const inline = (parts: readonly Inline[]): string =>
  parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : katex.renderToString(p.math, { ...KATEX_OPTIONS, displayMode: false }))).join('');

function displayHtml(rows: readonly Row[], label: readonly Inline[] | undefined): string {
  const body = katex.renderToString(displayLatex(rows), { ...KATEX_OPTIONS, displayMode: true });
  const cap = label === undefined ? '' : `<div class="eq-label">${inline(label)}</div>`;
  return `<div class="eq">${cap}${body}</div>`;
}

function stepHtml(s: Step): string {
  switch (s.kind) {
    case 'heading':
      return `<h${s.level + 1}>${escapeHtml(s.text)}</h${s.level + 1}>`;
    case 'prose':
      return `<p>${inline(s.parts)}</p>`;
    case 'display':
      return displayHtml(s.rows, s.label);
    case 'table': {
      const head = s.header.map((c) => `<th>${inline(c)}</th>`).join('');
      const rows = s.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n');
      return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
    }
    case 'note':
      return `<aside class="note ${s.tone}">${inline(s.parts)}</aside>`;
    case 'figure':
      // the SVG carries its own <title> and <desc>; the caption says what to look at
      return `<figure data-figure="${s.figure.kind}">${s.figure.svg}<figcaption>${inline(s.caption)}</figcaption></figure>`;
    default:
      return assertNever(s);
  }
}

/**
 * The steps of a document as an HTML fragment, without the page around them: for a page that shows
 * parts of a derivation in its own layout (the explorer). Needs KaTeX's stylesheet on that page.
 *
 * @example
 * ```ts
 * import { renderStepsHtml, prose } from 'closedform';
 * renderStepsHtml([prose('a & b')]); // '<p>a &amp; b</p>'
 * ```
 */
export function renderStepsHtml(steps: readonly Step[]): string {
  return steps.map(stepHtml).join('\n');
}

/** The page's own stylesheet: one readable column, equations scroll sideways only as a last resort. */
const PAGE_CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5c6773; --rule: #d9dee4; --accent: #2f5d8a; --paper: #fdfcfa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 17px/1.6 "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; padding-bottom: .75rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .35rem; }
.subtitle { color: var(--muted); margin: 0; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); color: var(--accent); }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; font-style: italic; }
p { margin: .6rem 0; }
.eq { margin: .9rem 0; }
.eq-label { font: .78rem/1.2 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--muted); letter-spacing: .02em; }
.katex-display { margin: .35rem 0; padding: .15rem 0; overflow-x: auto; overflow-y: hidden; }
.katex { font-size: 1.12em; }
.katex-display > .katex { font-size: 1.16em; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: .95rem; }
th, td { padding: .3rem .8rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 2px solid var(--ink); }
.note { margin: 1rem 0; padding: .6rem .9rem; border-left: 4px solid var(--accent); background: #eef3f8; font-size: .95rem; }
.note.warning { border-left-color: #b5651d; background: #fbf1e6; }
figure { margin: 1.4rem 0; }
figure svg { max-width: 100%; height: auto; background: white; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .3rem; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
@media print { body { background: white; } main { max-width: none; } }
`;

/** What the HTML page needs beside the derivation. */
export interface HtmlOptions {
  /**
   * KaTeX's stylesheet, put inline in a `<style>`: `inlinedKatexCss()` from closedform/node (fonts
   * as `data:` URLs, so the page works offline), or katex.min.css when its fonts/ are served next
   * to the page.
   */
  readonly katexCss: string;
  /** Named in `<meta name="generator">` and the footer (default `closedform`). */
  readonly generator?: string;
}

/**
 * The HTML page of a derivation (deterministic: no dates, no random ids).
 *
 * @example
 * ```ts
 * import { renderHtml, prose } from 'closedform';
 * const page = renderHtml({ title: 'Example', steps: [prose('hello')] }, { katexCss: '' });
 * page.startsWith('<!doctype html>'); // true
 * ```
 */
export function renderHtml(d: Derivation, opts: HtmlOptions): string {
  const generator = opts.generator ?? 'closedform';
  const sub = d.subtitle === undefined ? '' : `<p class="subtitle">${escapeHtml(d.subtitle)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${escapeHtml(d.title)}</title>
<style>${opts.katexCss}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(d.title)}</h1>${sub}</header>
${renderStepsHtml(d.steps)}
<footer>Generated by ${escapeHtml(generator)}. Every formula on this page was computed, not typed; the numeric check compares it with an independent engine.</footer>
</main>
</body>
</html>
`;
}
