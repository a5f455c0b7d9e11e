/**
 * Notation across derived pages (issue 12): a scan of the LaTeX of several networks' pages for
 * the patterns a reader found — the vectorised power layer written (Z)² (a matrix power, not the
 * entrywise square), brackets that say nothing (`\frac{\left(a - y\right)}{…}`,
 * `\operatorname{diag}\left(\left(…\right)\right)`), and vectors of one data point in bold
 * capitals beside bold lower case, or matrices without bold. The oracle is KaTeX's own reading
 * of the brackets: the scan matches each `\left(` with its `\right)` by counting, as KaTeX does.
 */
import { describe, expect, it } from 'vitest';
import { deriveNetwork, parseSpec, renderTex } from '../../src/index.js';

const NETWORKS = [
  '1-2-1:quadratic',
  '2-3-1:quadratic,identity:rows',
  '1-2-1:pow3,identity',
  '3-2-3-4:arctan_sigmoid:half',
  '3-2-1:relu,identity:nobias',
  '3-4-1:identity:rows',
  '2-2-1:sigmoid,identity',
  '2-2-2-2:identity',
];

/** The body of the brace group opening at `open` (the index of a `{`). */
function group(tex: string, open: number): string {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth === 0) return tex.slice(open + 1, i);
  }
  return tex.slice(open + 1);
}

/** Whether `s` is one `\left(…\right)` around everything (its first `\left(` closes at its very end). */
function wrappedWhole(s: string): boolean {
  if (!s.startsWith('\\left(')) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('\\left', i)) depth++;
    else if (s.startsWith('\\right', i) && --depth === 0) return s.slice(i) === '\\right)';
  }
  return false;
}

/** Every argument of `cmd{…}` or `cmd\left(…\right)` that is wrapped whole in a further pair of brackets. */
function redundant(tex: string): string[] {
  const out: string[] = [];
  for (const m of tex.matchAll(/\\frac\{/g)) {
    const num = group(tex, m.index + 5);
    if (wrappedWhole(num)) out.push(`\\frac{${num}}`);
  }
  for (const m of tex.matchAll(/\\operatorname\{diag\}\\left\(/g)) {
    const start = m.index + '\\operatorname{diag}'.length;
    let depth = 0;
    for (let i = start; i < tex.length; i++) {
      if (tex.startsWith('\\left', i)) depth++;
      else if (tex.startsWith('\\right', i) && --depth === 0) {
        const inner = tex.slice(start + '\\left('.length, i);
        if (wrappedWhole(inner)) out.push(`diag(${inner})`);
        break;
      }
    }
  }
  return out;
}

describe.each(NETWORKS)('the derived page of %s', (text) => {
  const spec = parseSpec(text);
  const tex = renderTex(deriveNetwork(spec, { runAnalysis: spec.widths.every((n) => n <= 4) && text.includes('identity') }).derivation);

  it('has no redundant brackets', () => expect(redundant(tex)).toEqual([]));

  it('writes an entrywise power of a vector or matrix as ⊙, never (Z)²', () => {
    expect(tex).not.toMatch(/\\left\(\\mathbf\{[A-Za-z]\}(\^\{\([^)]*\)\})?\\right\)\^\{\d+\}/);
    if (/quadratic|pow/.test(text)) expect(tex).toContain('\\odot');
  });

  it('uses one vector notation: bold lower case for one data point, bold capitals for matrices and data matrices', () => {
    if (spec.convention === 'layer') expect(tex.match(/\\mathbf\{[AZB]\}/g) ?? []).toEqual([]);
    // a weight matrix is always bold; w with indices (an entry) is not a matrix
    expect(tex.match(/(?<![\\{A-Za-z])W\^\{\(\d+\)\}(?!_)/g) ?? []).toEqual([]);
  });
});

it('the scan finds what it looks for (so that a pass means something)', () => {
  expect(redundant('\\frac{\\left(a - y\\right)}{2}')).toHaveLength(1);
  expect(redundant('\\frac{\\left(a\\right) \\left(b\\right)}{2}')).toEqual([]);
  expect(redundant('\\operatorname{diag}\\left(\\left(2 z\\right)\\right)')).toHaveLength(1);
  expect(redundant('\\operatorname{diag}\\left(H\\left(z\\right)\\right)')).toEqual([]);
});
