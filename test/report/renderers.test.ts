/**
 * The three renderers on a small hand-made document: text is escaped (nothing user-supplied
 * becomes markup), math passes through unchanged, multi-line displays become `aligned`/`align*`,
 * and the .tex is ASCII whose every formula KaTeX parses.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { type Derivation, display, displayCount, displayLatex, escapeTex, heading, m, note, prose, renderMarkdown, renderTex, table } from '../../src/index.js';
import { renderHtmlPage } from '../../src/node/index.js';

const DOC: Derivation = {
  title: 'A <b>title</b> & more',
  subtitle: 'σ_1 costs 5% — ½ of $2',
  steps: [
    heading('Intro'),
    prose('Let ', m('x^{2}'), ' be <script>alert(1)</script> with 100% & #1_2 {braces} ~ ^'),
    display([{ lhs: 'y', rhs: ['x^{2} + 1'] }], 'one line'),
    display([{ lhs: 'f', rhs: ['a + b', '+ c', '\\cdot d'] }, { lhs: 'g', rel: '\\approx', rhs: ['1'] }], ['label with ', m('\\theta')]),
    table([['name'], ['value']], [[['a|b'], [m('|x|')]]]),
    note('warning', 'Σ cₖ(θ) φₖ(x), ∇L ≈ 0, β₀ ≤ ∞'),
  ],
};

describe('document helpers', () => {
  it('counts displays and writes aligned blocks with continuation lines', () => {
    expect(displayCount(DOC)).toBe(2);
    expect(displayLatex([{ lhs: 'y', rhs: ['1'] }])).toBe('y = 1');
    expect(displayLatex([{ lhs: 'f', rhs: ['a + b', '+ c', '\\cdot d'] }])).toBe(
      '\\begin{aligned}\nf &= a + b \\\\\n&\\qquad {}+ c \\\\\n&\\qquad {}\\cdot d\n\\end{aligned}',
    );
  });
});

describe('renderHtmlPage', () => {
  const html = renderHtmlPage(DOC);
  it('escapes every text and renders every formula', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>A &lt;b&gt;title&lt;/b&gt; &amp; more</title>');
    expect(html.match(/class="katex-display"/g)).toHaveLength(2);
    expect(html).not.toContain('katex-error');
  });
  it('is standalone: fonts inline, no URL outside the page', () => {
    expect(html).toMatch(/url\(data:font\/woff2;base64,/);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});

describe('renderTex', () => {
  const tex = renderTex(DOC);
  it('escapes text specials and Unicode, keeps math', () => {
    expect(tex).toContain('with 100\\% \\& \\#1\\_2 \\{braces\\} \\textasciitilde{} \\textasciicircum{}');
    expect(tex).toContain('Let $x^{2}$ be');
    expect(tex).toMatch(/^[\x00-\x7F]*$/);
    expect(tex).toContain('\\begin{align*}\nf &= a + b \\\\\n&\\qquad {}+ c');
    expect(tex).toContain('\\[\ny = x^{2} + 1\n\\]');
  });
  it.each([
    ['Σ cₖ(θ)', '$\\Sigma$ c$_{k}$($\\theta$)'],
    ['β₀ ≤ ∞', '$\\beta$$_{0}$ $\\le$ $\\infty$'],
    ['a_b & 50%', 'a\\_b \\& 50\\%'],
    ['ᚠ', '[U+16A0]'],
  ])('escapeTex(%s) = %s', (text, expected) => {
    expect(escapeTex(text)).toBe(expected);
    for (const mm of expected.matchAll(/\$([^$]+)\$/g)) expect(() => katex.renderToString(mm[1]!, { throwOnError: true })).not.toThrow();
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(DOC);
  it('has $$ displays, escaped text, and tables whose math cannot split a cell', () => {
    expect(md.startsWith('# A \\<b\\>title\\</b\\> & more\n')).toBe(true);
    expect(md.match(/\$\$\n[\s\S]*?\n\$\$/g)).toHaveLength(2);
    expect(md).toContain('| a\\|b | $\\vert x\\vert $ |');
    expect(md).toContain('\\<script\\>');
  });
});
