/**
 * Nodes print as their formula: `String(e)`, template literals and `util.inspect` (console.log,
 * the REPL, a bare notebook cell) give the text syntax, which the parser reads back to the same
 * object; past the size budget they give the sizes instead, and return at once. The notebook
 * display carries text, LaTeX and MathML, and KaTeX's own record of what it rendered (the TeX
 * annotation inside the MathML) is the LaTeX printer's output.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_FORM_TREE_BUDGET, dagSize, fn, mimeBundle, mul, parse, sym, textForm, toLatex, toText, treeSize, add, type Node } from '../../src/index.js';
import { RUNS, exprArb } from '../helpers/arbitraries.js';

/** σ(e + w·e) nested `depth` times: the tree doubles with each level, the DAG grows by a few nodes. */
function swollen(depth: number): Node {
  let e: Node = sym('x');
  for (let i = 0; i < depth; i++) e = fn('sigmoid', add(e, mul(sym('w'), e)));
  return e;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

describe('the text form of a node', () => {
  it('String(e), `${e}` and util.inspect(e) are toText(e), and parse reads it back to e itself', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        const t = toText(e);
        expect(String(e)).toBe(t);
        expect(`${e}`).toBe(t);
        expect(inspect(e)).toBe(t);
        // inside an object, on one line whatever its length (util.inspect breaks long entries onto their own line)
        expect(inspect({ loss: e }, { breakLength: Infinity })).toBe(`{ loss: ${t} }`);
        expect(parse(String(e))).toBe(e);
      }),
      { numRuns: RUNS },
    );
  });

  it('is not [object Object] or the fields', () => {
    const e = parse('(w*x + b - y)^2');
    expect(String(e)).toBe('(b - y + w*x)^2');
    expect(inspect([e, parse('1/3')])).toBe('[ (b - y + w*x)^2, 1/3 ]');
  });

  it('past the budget, a formula shows its sizes instead, at once', () => {
    const e = swollen(40);
    expect(treeSize(e)).toBeGreaterThan(TEXT_FORM_TREE_BUDGET);
    const t0 = performance.now();
    const shown = String(e);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(shown).toBe(`<fn of ${dagSize(e)} distinct nodes, ${treeSize(e)} written out as a tree: too long to show; toText(e) prints it>`);
    expect(inspect(e)).toBe(shown);
    const small = swollen(3);
    expect(treeSize(small)).toBeLessThanOrEqual(TEXT_FORM_TREE_BUDGET);
    expect(textForm(small)).toBe(toText(small));
  });
});

describe('mimeBundle: the notebook display', () => {
  it('text/plain is the text form, text/latex the LaTeX, text/html MathML of that same LaTeX', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        const b = mimeBundle(e);
        expect(Object.keys(b).sort()).toEqual(['text/html', 'text/latex', 'text/plain']);
        expect(b['text/plain']).toBe(toText(e));
        expect(b['text/latex']).toBe(`$$${toLatex(e)}$$`);
        expect(b['text/html']).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
        expect(b['text/html']).not.toContain('katex-error');
        const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(b['text/html']);
        expect(unescape(tex![1]!)).toBe(toLatex(e));
      }),
      { numRuns: 100 },
    );
  });

  it('a formula past the budget is described in all three forms', () => {
    const e = swollen(40);
    const b = mimeBundle(e);
    expect(b['text/plain']).toBe(String(e));
    expect(b['text/latex']).toMatch(/^\$\$\\text\{a formula of \d+ distinct nodes, \d+ written out as a tree: too long to show\}\$\$$/);
    expect(b['text/html']).toMatch(/^<em>a formula of \d+ distinct nodes/);
  });
});
