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

/** The folder of the installed katex package's stylesheet and fonts (`…/katex/dist`). */
export function katexDist(): string {
  return dirname(createRequire(import.meta.url).resolve('katex'));
}

/**
 * KaTeX's stylesheet with each font's `src` reduced to its woff2 file, at the URL `url(name)` gives
 * (every browser that runs KaTeX reads woff2; the woff/ttf fallbacks are dropped); also the names
 * of the fonts it refers to.
 *
 * @example
 * ```ts
 * katexCssWithFonts((name) => `fonts/${name}.woff2`).fonts.includes('KaTeX_Main-Regular'); // true
 * ```
 */
export function katexCssWithFonts(url: (font: string) => string): { readonly css: string; readonly fonts: readonly string[] } {
  const css = readFileSync(join(katexDist(), 'katex.min.css'), 'utf8');
  const fonts: string[] = [];
  const src = /src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[a-z]+"\))*/g;
  if (/url\(fonts\//.test(css.replace(src, ''))) throw new Error('KaTeX stylesheet has a font reference this rewriter does not understand');
  const out = css.replace(src, (_all, name: string) => {
    fonts.push(name);
    return `src:url(${url(name)}) format("woff2")`;
  });
  return { css: out, fonts };
}

/**
 * KaTeX's stylesheet with every font as an inline woff2 `data:` URL, which keeps the page near
 * 400 kB.
 *
 * @example
 * ```ts
 * import { inlinedKatexCss } from 'closedform/node';
 * inlinedKatexCss().includes('data:font/woff2;base64,'); // true
 * ```
 */
export function inlinedKatexCss(): string {
  if (katexCss !== undefined) return katexCss;
  const fonts = join(katexDist(), 'fonts');
  katexCss = katexCssWithFonts((name) => `data:font/woff2;base64,${readFileSync(join(fonts, `${name}.woff2`)).toString('base64')}`).css;
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
