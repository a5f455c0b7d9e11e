/**
 * The derivations of the seeds' networks: structure against golden skeletons (steps and
 * equations, not bytes), content against the seeds' own statements, every equation of the .tex
 * and Markdown outputs parsed by KaTeX with throwOnError.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  FORMULA_TREE_BUDGET,
  Q,
  type Derivation,
  buildNetwork,
  deriveNetwork,
  displayCount,
  gradientEquations,
  parseSpec,
  plainText,
  renderMarkdown,
  renderTex,
  row,
  rowFits,
  symbolLatex,
  treeSize,
} from '../../src/index.js';
import { skeleton } from './skeleton.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** The networks of the seed documents. */
const SEEDS: readonly [string, string][] = [
  ['seed000', '1-2-1:quadratic'], // the quadratic network whose output is a quartic
  ['seed002', '3-2-3-4:arctan_sigmoid:half'], // the notes' worked example: arctan sigmoid, ½Σ loss
  ['seed003', '3-2-1:relu,identity:nobias'], // the blog post: ReLU hidden layer, no biases
  ['seed004', '3-4-1:identity:rows'], // the exercise: p = 3, M = 4, identity, row layout
];

const derivations = new Map(SEEDS.map(([name, spec]) => [name, deriveNetwork(parseSpec(spec))]));
const doc = (name: string): Derivation => derivations.get(name)!.derivation;
const text = (d: Derivation): string => d.steps.map((s) => ('parts' in s ? plainText(s.parts) : s.kind === 'heading' ? s.text : '')).join('\n');

/** Every math span of a .tex file: \[…\], align*, $…$ (the text-mode escapes \$ excluded). */
function texMath(tex: string): string[] {
  const body = tex.slice(tex.indexOf('\\begin{document}'));
  const out: string[] = [];
  // \[ opens a display unless it is the row break \\[4pt]
  for (const m of body.matchAll(/(?<!\\)\\\[([\s\S]*?)(?<!\\)\\\]/g)) out.push(m[1]!);
  for (const m of body.matchAll(/\\begin\{align\*\}([\s\S]*?)\\end\{align\*\}/g)) out.push(`\\begin{aligned}${m[1]!}\\end{aligned}`);
  const inline = body.replace(/(?<!\\)\\\[[\s\S]*?(?<!\\)\\\]|\\begin\{align\*\}[\s\S]*?\\end\{align\*\}/g, '').replace(/\\\$/g, '');
  for (const m of inline.matchAll(/\$([^$]+)\$/g)) out.push(m[1]!);
  return out;
}

describe.each(SEEDS)('derivation of %s (%s)', (name, spec) => {
  it('has the golden structure', () => {
    const file = join(GOLDEN, `${name}.json`);
    const got = skeleton(doc(name));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
    }
    expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('is checked against the numeric engine', () => {
    const r = derivations.get(name)!;
    expect(r.check.ok).toBe(true);
    expect(text(doc(name))).toContain(`All ${r.check.rows.length} quantities agree`);
  });

  it('has its sections in the order of the issue', () => {
    const headings = doc(name).steps.flatMap((s) => (s.kind === 'heading' && s.level === 1 ? [s.text] : []));
    expect(headings).toEqual([
      'Architecture',
      'Forward equations',
      'The formula of each output',
      'Loss',
      'Backpropagation',
      'Closed-form partial derivatives',
      'Special cases and solvability',
      'Numeric check',
    ]);
  });

  it('shows one closed-form partial (or its recursive form) per parameter', () => {
    const net = buildNetwork(parseSpec(spec));
    const g = gradientEquations(net);
    const start = doc(name).steps.findIndex((s) => s.kind === 'heading' && s.text === 'Closed-form partial derivatives');
    const end = doc(name).steps.findIndex((s, i) => i > start && s.kind === 'heading');
    const shown = doc(name).steps.slice(start, end).filter((s) => s.kind === 'display');
    expect(shown).toHaveLength(net.params.length);
    // a partial past the tree budget, or too wide for the page, is in recursive form, announced by a note stating its size
    const big = net.params.filter((p) => treeSize(g.get(p)!) > FORMULA_TREE_BUDGET || !rowFits(row(`\\frac{\\partial L}{\\partial ${symbolLatex(p)}}`, g.get(p)!)));
    const notes = doc(name).steps.slice(start, end).filter((s) => s.kind === 'note');
    expect(notes).toHaveLength(big.length);
    for (const p of big) expect(notes.some((n) => 'parts' in n && plainText(n.parts).includes(treeSize(g.get(p)!).toLocaleString('en-US')))).toBe(true);
  });

  it('.tex: a complete article whose every formula KaTeX parses', () => {
    const tex = renderTex(doc(name));
    expect(tex).toMatch(/^\\documentclass\[11pt\]\{article\}/);
    expect(tex).toContain('\\usepackage{amsmath,amssymb}');
    expect(tex.trimEnd().endsWith('\\end{document}')).toBe(true);
    // pdflatex reads ASCII safely: every Unicode character of the text was mapped to a LaTeX command
    expect(tex).toMatch(/^[\x00-\x7F]*$/);
    const math = texMath(tex);
    expect(math.length).toBeGreaterThan(displayCount(doc(name)));
    for (const m of math) expect(() => katex.renderToString(m, { displayMode: true, throwOnError: true })).not.toThrow();
  });

  it('Markdown: one $$ block per display, each parsed by KaTeX', () => {
    const md = renderMarkdown(doc(name));
    const blocks = [...md.matchAll(/\$\$\n([\s\S]*?)\n\$\$/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(displayCount(doc(name)));
    for (const b of blocks) expect(() => katex.renderToString(b, { displayMode: true, throwOnError: true })).not.toThrow();
  });
});

describe('what the seeds say', () => {
  it('is deterministic: deriving again gives the same document, byte for byte', () => {
    expect(renderTex(deriveNetwork(parseSpec('1-2-1:quadratic')).derivation)).toBe(renderTex(doc('seed000')));
  });

  it('seed 000: the quadratic 1-2-1 network has 7 parameters and a quartic output', () => {
    const t = text(doc('seed000'));
    expect(derivations.get('seed000')!.parameters).toBe(7);
    expect(t).toContain('is a polynomial of degree 4 in the input');
    const p = doc('seed000').steps.find((s) => s.kind === 'display' && s.rows[0]!.lhs === 'P')!;
    expect(p.kind === 'display' && p.rows[0]!.rhs[0]).toBe('2 \\cdot (1 + 1) + 1 \\cdot (2 + 1) = 7');
  });

  it('seed 004: p = 3, M = 4 has (p + 1)M + 1 + M = 21 parameters; identity collapses to linear regression, proved', () => {
    expect(derivations.get('seed004')!.parameters).toBe((3 + 1) * 4 + 1 + 4);
    const beta = doc('seed004').steps.find((s) => s.kind === 'display' && s.rows[0]!.lhs === '\\beta_{1}');
    expect(beta && beta.kind === 'display' && plainText(beta.label!)).toContain('proved by expanding both sides');
    // β₁ = Σ_m w⁽¹⁾_{m,1} w⁽²⁾_{1,m} (seed 004's β_j = Σ_m β_m^{(2)} β_{jm}^{(1)}), four products
    expect(beta && beta.kind === 'display' && beta.rows[0]!.rhs.join(' ').match(/w\^\{\(1\)\}_\{\d,1\} w\^\{\(2\)\}_\{1,\d\}/g)).toHaveLength(4);
  });

  it('seed 003: the ReLU network is piecewise polynomial; without biases there is no bias partial', () => {
    const t = text(doc('seed003'));
    expect(t).toContain('piecewise polynomial');
    expect(doc('seed003').steps.some((s) => s.kind === 'display' && s.rows.some((r) => r.lhs.includes('\\partial b'))))
      .toBe(false);
  });

  it('a chosen set of parameters and a data set', () => {
    const d = deriveNetwork(parseSpec('1-1:identity'), {
      params: ['w1_1_1'],
      data: { inputs: [[Q(1)], [Q(2)]], targets: [[Q(3)], [Q(5)]] },
    }).derivation;
    const start = d.steps.findIndex((s) => s.kind === 'heading' && s.text === 'Closed-form partial derivatives');
    const end = d.steps.findIndex((s, i) => i > start && s.kind === 'heading');
    const lhs = d.steps.slice(start, end).flatMap((s) => (s.kind === 'display' ? s.rows.map((r) => r.lhs) : []));
    expect(lhs).toEqual(['\\frac{\\partial L}{\\partial w^{(1)}_{1,1}}']);
    // Σ_p (w x_p + b − y_p)² over (1, 3), (2, 5): ∂/∂w = 2(b + w − 3)·1 + 2(b + 2w − 5)·2, by hand
    const data = d.steps.find((s) => s.kind === 'display' && s.rows[0]!.lhs.startsWith('\\frac{\\partial L_{\\text{data}}}'))!;
    expect(data.kind === 'display' && data.rows[0]!.rhs.join(' ')).toBe(
      '2 \\left(b^{(1)}_{1} + w^{(1)}_{1,1} - 3\\right) + 4 \\left(b^{(1)}_{1} + 2 w^{(1)}_{1,1} - 5\\right)',
    );
    expect(d.steps.some((s) => s.kind === 'table' && s.rows.length === 2)).toBe(true);
  });
});

describe('an analysis already run (analysisResult)', () => {
  it('is the one shown (none is run again) and its critical points are marked on the loss figures', async () => {
    const { analyze, readCsv } = await import('../../src/index.js');
    const spec = parseSpec('1-1:identity');
    const data = readCsv(readFileSync('examples/line.csv', 'utf8'), spec);
    const text = (d: Derivation): string => d.steps.map((s) => (s.kind === 'prose' || s.kind === 'note' ? plainText(s.parts) : s.kind === 'table' ? s.rows.flat().map(plainText).join(' ') : '')).join('\n');
    // derive's own analysis runs gradient descent; this one was run without it
    const own = deriveNetwork(spec, { data }).derivation;
    const given = deriveNetwork(spec, { data, analysisResult: analyze(spec, { data, seed: 1, descent: false }) }).derivation;
    expect(text(own)).toMatch(/gradient descent \(\d+ random starts × \d+ steps\)/);
    expect(text(given)).not.toMatch(/gradient descent \(\d+ random starts × \d+ steps\)/);
    // the slice marks the analysis's critical point: the exact least-squares optimum, confirmed by the engine
    expect(given.steps.some((s) => s.kind === 'figure' && s.figure.kind === 'loss-slice')).toBe(true);
    expect(text(given)).toMatch(/1 critical point of L from the analysis is confirmed/);
  });
});
