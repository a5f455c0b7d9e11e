// Derivation documents: time to derive (formulas, gradient, numeric check) and to render each
// format, for the seed networks and larger ones; page sizes and equation counts.
import { deriveNetwork, displayCount, parseSpec, renderHtmlPage as renderHtml, renderMarkdown, renderTex } from '../dist/node/index.js';

export const title = 'Derivation documents (derive + render)';

const SPECS = ['1-2-1:quadratic', '2-2-1:sigmoid,identity', '3-2-3-4:arctan_sigmoid:half', '3-4-2:tanh', '4-8-8-3:tanh'];

/** Median of `reps` timings of f, in milliseconds. */
function time(f, reps) {
  const ts = [];
  let out;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    out = f();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return [ts[reps >> 1], out];
}

export async function run(log) {
  const rows = ['| network | parameters | displays | derive (ms) | HTML (ms) | HTML size | .tex (ms) | .md (ms) |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const spec of SPECS) {
    const reps = spec.startsWith('4-8') ? 1 : 3;
    const [td, r] = time(() => deriveNetwork(parseSpec(spec)), reps);
    const [th, html] = time(() => renderHtml(r.derivation), reps);
    const [tt] = time(() => renderTex(r.derivation), reps);
    const [tm] = time(() => renderMarkdown(r.derivation), reps);
    log(`${spec}: derive ${td.toFixed(0)} ms, html ${th.toFixed(0)} ms`);
    rows.push(`| \`${spec}\` | ${r.parameters} | ${displayCount(r.derivation)} | ${td.toFixed(0)} | ${th.toFixed(0)} | ${(html.length / 1024).toFixed(0)} kB | ${tt.toFixed(1)} | ${tm.toFixed(1)} |`);
  }
  return `${rows.join('\n')}\n\nDerive includes the numeric check at 8 random points against the mathjs engine. HTML pages inline KaTeX's CSS and woff2 fonts (about 400 kB) and carry MathML beside the HTML rendering.`;
}
