/**
 * The explorer's one HTML page: the form (spec, CSV data, options), the seeds' example buttons,
 * the progress line with its cancel button, and an empty `<section data-section="…">` per result.
 * Static: app.js fills it, worker.js computes. Everything it loads is relative to the page (so
 * `serve --export DIR` works from any folder of a static host), and its Content-Security-Policy
 * lets the browser fetch nothing from anywhere else.
 */
import { escapeHtml } from '../api.js';
import { EXAMPLES } from './examples.js';
import { APP_SCRIPT, KATEX_CSS } from './names.js';
import { BUDGETS, DEFAULT_BUDGET, SECTION_NAMES, type SectionName } from './protocol.js';

/**
 * The page's policy: only this origin — its script, the worker, KaTeX's stylesheet and fonts.
 * Inline styles are allowed for KaTeX's positioning (style attributes), `data:` for images inside
 * figures (and the empty icon), `blob:` for the downloads.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The worker's policy (sent with worker.js): only this origin, and `unsafe-eval` because the
 * library compiles formulas to JavaScript functions for the numeric check and descent
 * (src/print/compile.ts: code generated from the expression DAG, no user text in it).
 */
export const WORKER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'self'";

export const SECTION_TITLES: Readonly<Record<SectionName, string>> = {
  formula: 'Formula',
  gradient: 'Gradient: closed form and δ-recursion',
  special: 'Special cases',
  analysis: 'Analysis: verdict and critical points',
  diagram: 'The network',
  landscape: 'Loss landscape',
  derivation: 'Derivation',
};

const PAGE_CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5c6773; --rule: #d9dee4; --accent: #2f5d8a; --paper: #fdfcfa; --warn: #b5651d; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
header h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
header p { color: var(--muted); margin: 0 0 1rem; }
form, .examples, .status, section { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
form { display: grid; gap: .6rem; padding: .9rem 1rem; border: 1px solid var(--rule); border-radius: 6px; background: #fff; }
.row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
input[name=spec] { flex: 1 1 20rem; font: 1.05rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: .45rem .6rem; border: 1px solid #9aa5b1; border-radius: 4px; }
textarea { width: 100%; min-height: 6.5rem; font: .9rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: .4rem .5rem; border: 1px solid #9aa5b1; border-radius: 4px; }
button { font: inherit; padding: .4rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button:disabled { opacity: .45; cursor: default; }
label { font-size: .92rem; color: var(--muted); }
.hint { font-size: .82rem; color: var(--muted); margin: 0; }
.examples { display: flex; flex-wrap: wrap; gap: .4rem; margin: .9rem 0; }
.examples button { background: #eef3f8; color: var(--ink); border-color: var(--rule); font-size: .88rem; }
.status { display: flex; gap: .75rem; align-items: center; min-height: 2.2rem; margin: .4rem 0 .8rem; font-size: .92rem; color: var(--muted); }
.status progress { width: 14rem; }
section { margin: 1.4rem 0; }
section[hidden] { display: none; }
section > h2 { font: 600 1.2rem/1.3 "Iowan Old Style", Palatino, Georgia, serif; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin: 0 0 .5rem; display: flex; justify-content: space-between; align-items: baseline; }
section > h2 .time { font: .78rem system-ui, sans-serif; color: var(--muted); }
.body { font-family: "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif; }
.body h3 { font-size: 1.05rem; margin: 1.1rem 0 .3rem; }
.body h4 { font-size: 1rem; margin: .9rem 0 .3rem; font-style: italic; }
/* Off-screen steps are not laid out or painted until scrolled near: a section can be megabytes of KaTeX. */
.body > .eq, .body > .table, .body > p, .body > aside, .body > details { content-visibility: auto; contain-intrinsic-size: auto 3rem; }
.eq { margin: .7rem 0; }
.eq-label { font: .76rem/1.2 system-ui, sans-serif; color: var(--muted); }
.katex-display { margin: .3rem 0; padding: .1rem 0; overflow-x: auto; overflow-y: hidden; }
.table { overflow-x: auto; margin: .8rem 0; }
table { border-collapse: collapse; font-size: .92rem; }
th, td { padding: .25rem .7rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); }
.note { margin: .8rem 0; padding: .5rem .8rem; border-left: 4px solid var(--accent); background: #eef3f8; }
.note.warning { border-left-color: var(--warn); background: #fbf1e6; }
.unavailable, .pending, .cancelled { color: var(--muted); font-style: italic; }
section[data-section=error] { border-left: 4px solid #b3261e; background: #fcebea; padding: .5rem .8rem; color: #7a1b15; }
section[data-section=error] p { margin: 0; }
figure { margin: .5rem 0; overflow-x: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
.downloads { display: flex; gap: .6rem; margin: .3rem 0 .6rem; }
.downloads a { font-size: .92rem; }
details > summary { cursor: pointer; color: var(--accent); }
.text-form pre { white-space: pre-wrap; word-break: break-all; font-size: .82rem; background: #f3f4f6; padding: .3rem .5rem; margin: 0 0 .5rem; }
.text-form .text-name { margin: .4rem 0 .1rem; font: .85rem ui-monospace, monospace; }
`;

const exampleButtons = (): string =>
  EXAMPLES.map((e) => `<button type="button" data-spec="${escapeHtml(e.spec)}" data-data="${escapeHtml(e.data)}" data-l2="${e.l2}" title="${escapeHtml(e.title)}">${escapeHtml(e.label)}</button>`).join('\n');

const sections = (): string =>
  SECTION_NAMES.map((s) => `<section data-section="${s}" data-state="idle" hidden><h2>${escapeHtml(SECTION_TITLES[s])}<span class="time"></span></h2><div class="body"></div></section>`).join('\n');

/**
 * The page, deterministic (same text on every call).
 *
 * @example
 * ```ts
 * explorerHtml('closedform 0.1.0').includes('<input name="spec"'); // true
 * ```
 */
export function explorerHtml(generator: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="${escapeHtml(generator)}">
<title>closedform explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${KATEX_CSS}">
<style>${PAGE_CSS}</style>
<script src="${APP_SCRIPT}" defer></script>
</head>
<body data-state="idle">
<main>
<header><h1>closedform explorer</h1><p>Describe a small dense network; its exact formula, gradient, special cases and solvability are computed here, in your browser.</p></header>
<form id="ask" autocomplete="off">
<div class="row"><input name="spec" aria-label="network spec" placeholder="1-2-1:quadratic" spellcheck="false"><button type="submit">Compute</button></div>
<p class="hint">WIDTHS[:ACTIVATIONS][:OPTIONS] — e.g. <code>3-2-1:relu,identity:nobias</code>; activations: one for all layers, hidden,output, or one per layer; options nobias, half (loss ½Σ(f−y)²), rows (H = σ(XW₁ + b₁)). Enter computes.</p>
<details id="data-box"><summary>Data set (CSV, optional)</summary>
<textarea name="data" aria-label="data set as CSV" spellcheck="false" placeholder="x1,y1&#10;0,1&#10;1,3"></textarea>
<p class="hint">Header x1,…,y1,…; one point per line; values exact (1/2, 0.1). With data: the loss over it, least squares, critical points.</p>
</details>
<div class="row">
<label>Critical points: <select name="l2"><option value="none">no regularisation</option><option value="generic">L2, a random rational per parameter</option></select></label>
<label>time budget <select name="budget">${BUDGETS.map((b) => `<option value="${b}"${b === DEFAULT_BUDGET ? ' selected' : ''}>${b} s</option>`).join('')}</select></label>
</div>
</form>
<nav class="examples" aria-label="examples from the seed documents">
${exampleButtons()}
</nav>
<div class="status" role="status"><progress max="1" value="0" hidden></progress><span class="stage"></span><button type="button" class="secondary" name="cancel" disabled>Cancel</button></div>
<section data-section="error" hidden><p class="message"></p></section>
${sections()}
<footer class="hint">${escapeHtml(generator)} · every formula is computed, not typed; nothing on this page is fetched from anywhere but this server.</footer>
</main>
</body>
</html>
`;
}
