/**
 * The figures in .tex: the SVG translated to TikZ keeps every shape (one \path per SVG path, line,
 * rect and circle; one \node per line of text), its text is ASCII LaTeX, and a derivation with
 * every figure of a data set compiles with a real pdflatex (texlive-pictures' TikZ), whose PDF
 * then holds the figures' words (pdftotext, when installed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveNetwork, networkFigure, parseSpec, readCsv, renderTex, svgToTikz, tikzText } from '../../src/index.js';

const have = (cmd: string): boolean => {
  try {
    execFileSync(cmd, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { code?: string }).code !== 'ENOENT';
  }
};
const haveTikz = have('kpsewhich') && execFileSync('kpsewhich', ['tikz.sty'], { encoding: 'utf8' }).trim() !== '';
if (!haveTikz) console.warn('TikZ compile test skipped: pdflatex or tikz.sty missing (apt-get install texlive-latex-base texlive-pictures; .ci/run does it)');

describe('svgToTikz', () => {
  it('text: Unicode sub- and superscripts become math, the rest is escaped to ASCII', () => {
    expect(tikzText('w⁽¹⁾₂₁')).toBe('w$^{(1)}_{21}$');
    expect(tikzText('W⁽²⁾₁₂,₃ (w2_3_12) →')).toBe('W$^{(2)}_{12,3}$ (w2\\_3\\_12) $\\to$');
    expect(tikzText('↑ L ≥ 5, x₁')).toBe('$\\uparrow$ L $\\ge$ 5, x$_{1}$');
  });

  it.each(['3-4-1:identity:rows', '3-2-3-4:arctan_sigmoid:half'])('%s: one TikZ shape per SVG shape, one node per text line', (s) => {
    const svg = networkFigure(parseSpec(s)).svg;
    const tikz = svgToTikz(svg);
    const shapes = (svg.match(/<(path|line|rect|circle)\b/g) ?? []).length;
    const texts = [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].reduce((n, m) => n + Math.max(1, (m[1]!.match(/<tspan/g) ?? []).length), 0);
    expect((tikz.match(/^\\path\[/gm) ?? []).length).toBe(shapes);
    expect((tikz.match(/^\\node\[/gm) ?? []).length).toBe(texts);
    expect(tikz).toMatch(/^[\x00-\x7F]*$/);
    expect(tikz).toMatch(/^\\begin\{tikzpicture\}/);
  });
});

describe.skipIf(!haveTikz)('pdflatex compiles a derivation with the figures of a data set', () => {
  it('1-2-1:quadratic,identity on examples/quadratic.csv', () => {
    const spec = parseSpec('1-2-1:quadratic,identity');
    const { derivation } = deriveNetwork(spec, { data: readCsv(readFileSync('examples/quadratic.csv', 'utf8'), spec) });
    const kinds = derivation.steps.flatMap((s) => (s.kind === 'figure' ? [s.figure.kind] : []));
    expect(kinds).toEqual(['network', 'loss-slice', 'fit']);
    const dir = mkdtempSync(join(tmpdir(), 'cf-tikz-'));
    const tex = renderTex(derivation);
    expect((tex.match(/\\begin\{tikzpicture\}/g) ?? []).length).toBe(3);
    writeFileSync(join(dir, 'd.tex'), tex);
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'd.tex'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stdout.split('\n').filter((l) => l.startsWith('!')).join('\n')).toBe(0);
    expect(existsSync(join(dir, 'd.pdf'))).toBe(true);
    if (have('pdftotext')) {
      const text = execFileSync('pdftotext', [join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
      for (const words of ['inputs', 'loss L (contour levels)', 'exact least-squares optimum, L = 0.6929']) expect(text).toContain(words);
    }
  }, 240_000);
});
