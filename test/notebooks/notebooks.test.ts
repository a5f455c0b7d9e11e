/**
 * The notebooks: every notebook executes headless without a failing cell (each checks its own
 * claims and throws on a false one), the committed .ipynb files are generated from their
 * sources, and the notebooks' grid proof of polynomial identities (notebooks/lib/grid.js) agrees
 * with the polynomial module's expansion. The notebooks import the built library, so this file
 * builds dist/ once up front (one file, so no two builds race). Execution is skipped, with the
 * reason, when Jupyter or tslab is missing (`.ci/run` installs them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Lib from '../../src/index.js';
// @ts-expect-error plain ESM script without type declarations
import { notebookNames, toIpynb } from '../../scripts/notebooks-gen.mjs';
// @ts-expect-error plain ESM script without type declarations
import { buildIfNeeded, prerequisites } from '../../scripts/notebooks.mjs';
// @ts-expect-error plain ESM script without type declarations
import { RENDERED_DIR, renderAll, renderedFiles } from '../../scripts/notebooks-render.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const names: string[] = notebookNames();
const missing: string | undefined = prerequisites();
if (missing) console.warn(`notebook execution tests skipped: ${missing}`);

// Expressions are interned per module instance: the grid helper imports the built library, so
// the grid tests use the built library too.
let cf: typeof Lib;
let degreeBounds: (e: Lib.Node) => Map<string, number> | undefined;
let gridIdentity: (l: Lib.Node, r: Lib.Node) => { holds: boolean };
beforeAll(async () => {
  buildIfNeeded();
  cf = (await import(join(ROOT, 'dist', 'index.js'))) as typeof Lib;
  ({ degreeBounds, gridIdentity } = await import(join(ROOT, 'notebooks', 'lib', 'grid.js')));
}, 300_000);

describe('notebooks', () => {
  it('the six notebooks exist', () => {
    expect(names).toEqual(['00-tour', '01-can-we-solve-it', '02-backprop-recursion', '03-backprop-equations', '04-relu-closed-form', '05-linear-collapse']);
  });

  it.each(names)('%s.ipynb is generated from its source', (name) => {
    const want = toIpynb(readFileSync(join(ROOT, 'notebooks', 'src', `${name}.md`), 'utf8'));
    expect(readFileSync(join(ROOT, 'notebooks', `${name}.ipynb`), 'utf8')).toBe(want);
  });

  it.skipIf(missing !== undefined).each(names)(
    '%s executes headless with every claim checked',
    (name) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'notebooks.mjs'), '--no-gen', name], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    },
    600_000,
  );

  // Runs after the executions above (tests of a file run in order): the executed tour's outputs.
  it.skipIf(missing !== undefined)('00-tour: show() gives one display with text, LaTeX and MathML; a bare node prints its text form', () => {
    const nb = JSON.parse(readFileSync(join(ROOT, 'notebooks', '.executed', '00-tour.ipynb'), 'utf8')) as {
      cells: { cell_type: string; source: string[]; outputs?: { output_type: string; data?: Record<string, string | string[]>; text?: string | string[] }[] }[];
    };
    const cell = nb.cells.find((c) => c.cell_type === 'code' && c.source.join('').includes('show(loss)'))!;
    const joined = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('') : (v ?? ''));
    const loss = cf.parse('(w2*sigmoid(w1*x + b1) + b2 - y)^2');
    const rich = cell.outputs!.filter((o) => o.output_type === 'display_data' && o.data?.['text/latex'] !== undefined);
    expect(rich).toHaveLength(1);
    const data = rich[0]!.data!;
    expect(Object.keys(data).sort()).toEqual(['text/html', 'text/latex', 'text/plain']);
    expect(joined(data['text/plain'])).toBe(cf.toText(loss));
    expect(joined(data['text/latex'])).toBe(`$$${cf.toLatex(loss)}$$`);
    expect(joined(data['text/html'])).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"');
    const printed = cell.outputs!.filter((o) => o.output_type === 'stream').map((o) => joined(o.text));
    expect(printed.join('')).toContain(`${cf.toText(loss)}\n`);
  });

  // A reader on a code host sees notebooks/rendered/: the executed notebooks as Markdown with their
  // figures. Rendering this run's executed copies again must give the committed files, byte for byte.
  it.skipIf(missing !== undefined)('notebooks/rendered/ is the rendering of this run (npm run notebooks regenerates it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-rendered-'));
    renderAll(names, dir);
    const fresh = renderedFiles(dir) as Record<string, string>;
    const committed = renderedFiles(RENDERED_DIR) as Record<string, string>;
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const [file, text] of Object.entries(fresh)) expect(committed[file], `notebooks/rendered/${file} is stale: run npm run notebooks and commit it`).toBe(text);
    // every figure a notebook shows is a linked file
    const svgs = Object.keys(fresh).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    for (const f of svgs) expect(Object.entries(fresh).some(([md, t]) => md.endsWith('.md') && t.includes(`](${f})`))).toBe(true);
  });
});

const parse = (s: string): Lib.Node => cf.parse(s);
const verifyIdentity = (l: Lib.Node, r: Lib.Node): Lib.VerifyResult => cf.verifyIdentity(l, r);

/** Random small polynomial expressions in a, b, c (nested sums, products, small powers), as text. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c'),
    fc.integer({ min: -3, max: 3 }).map((k) => `(${k})`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `(${x} + ${y})`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `(${x})*(${y})`),
    fc.tuple(tie('e'), fc.integer({ min: 2, max: 3 })).map(([x, k]) => `(${x})^${k}`),
  ),
})).e;

describe('notebooks/lib/grid.js', () => {
  it.each([
    ['(a + b)^2', 'a^2 + 2*a*b + b^2', true],
    ['(a + b)^2', 'a^2 + b^2', false],
    ['(x + 1)^3 - (x - 1)^3', '6*x^2 + 2', true],
    ['a*b*c', 'c*b*a + 0*a', true],
  ])('%s = %s is %s', (l, r, holds) => {
    const v = gridIdentity(parse(l), parse(r));
    expect(v.holds).toBe(holds);
    expect(verifyIdentity(parse(l), parse(r)).holds).toBe(holds);
  });

  it('degree bounds follow the structure (and refuse non-polynomials)', () => {
    expect(Object.fromEntries(degreeBounds(parse('(a + b^2)^3 * a'))!)).toEqual({ a: 4, b: 6 });
    expect(degreeBounds(parse('relu(a) + 1'))).toBeUndefined();
    expect(() => gridIdentity(parse('sigmoid(a)'), parse('a'))).toThrow(/not a polynomial/);
  });

  it('agrees with expansion on random pairs e, e′', () => {
    fc.assert(
      fc.property(expr, expr, fc.boolean(), (e, f, same) => {
        // half the cases compare e with its expanded form (an identity between different
        // expressions), half with an unrelated e′ (almost always not an identity)
        const lhs = parse(e);
        const rhs = same ? cf.polyToNode(cf.expand(lhs)) : parse(f);
        const grid = gridIdentity(lhs, rhs);
        const byExpansion = verifyIdentity(lhs, rhs);
        expect(byExpansion.method).toBe('polynomial identity');
        expect(grid.holds).toBe(byExpansion.holds);
        if (same) expect(grid.holds).toBe(true);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
