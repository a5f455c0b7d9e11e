/**
 * KaTeX's stylesheet read from the installed katex package, with every font inlined, and the
 * offline HTML page built on it. Node-only: it reads files; the renderer itself
 * (src/report/html.ts) takes the stylesheet as an argument and runs anywhere.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Derivation, renderHtml } from '../api.js';

let katexCss: string | undefined;

/**
 * KaTeX's stylesheet with every font as an inline woff2 `data:` URL (every browser that runs
 * KaTeX reads woff2; the woff/ttf fallbacks are dropped, which keeps the page near 400 kB).
 *
 * @example
 * ```ts
 * import { inlinedKatexCss } from 'closedform/node';
 * inlinedKatexCss().includes('data:font/woff2;base64,'); // true
 * ```
 */
export function inlinedKatexCss(): string {
  if (katexCss !== undefined) return katexCss;
  const dist = dirname(createRequire(import.meta.url).resolve('katex'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  const inlined = css.replace(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[a-z]+"\))*/g, (_all, name: string) => {
    const data = readFileSync(join(dist, 'fonts', `${name}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  if (/url\(fonts\//.test(inlined)) throw new Error('KaTeX stylesheet has a font reference this inliner does not understand');
  katexCss = inlined;
  return katexCss;
}

/**
 * The standalone HTML page of a derivation: {@link renderHtml} with KaTeX's stylesheet and fonts
 * inside, so it opens offline with no companion files.
 *
 * @example
 * ```ts
 * import { renderHtmlPage, prose } from 'closedform/node';
 * renderHtmlPage({ title: 'Example', steps: [prose('hello')] }).startsWith('<!doctype html>'); // true
 * ```
 */
export function renderHtmlPage(d: Derivation, generator = 'closedform'): string {
  return renderHtml(d, { katexCss: inlinedKatexCss(), generator });
}
