/**
 * The layering rule of README "Architecture", checked on the code: a file imports only files of
 * its own row of the table or of rows above it, the import graph of src/ has no cycle (type-only
 * imports count: a cycle of types is still two files that cannot be read one before the other),
 * and every file of src/ is named by exactly one row, with no row naming a file that does not
 * exist. Independent route: the TypeScript compiler's own parser reads the imports
 * (test/architecture/imports.ts); the checks on made-up graphs below show it sees each form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ImportEdge, type LayerRow, assignRows, cycles, importGraph, layerRows, sources, specifiersOf } from './imports.js';

const README = readFileSync('README.md', 'utf8');
const files = sources();
const edges = importGraph(files);
const rows = layerRows(README);
const { rowOf, unplaced, ambiguous } = assignRows(files, rows);

/** Each upward import as one line naming both files and both rows. */
function upward(es: readonly ImportEdge[], at: ReadonlyMap<string, number>, rs: readonly LayerRow[] = rows): string[] {
  const out: string[] = [];
  for (const e of es) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (a !== undefined && b !== undefined && b > a) out.push(`${e.from} (row ${a + 1}: ${rs[a]?.text}) imports ${e.to} (row ${b + 1}: ${rs[b]?.text}, further down)`);
  }
  return out;
}

describe('the README architecture table is the import order', () => {
  it('reads the table and the graph (the scan sees the tree)', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(files.length).toBeGreaterThan(150);
    expect(edges.length).toBeGreaterThan(500);
    // a known edge of each kind: a run-time import, a type-only import, a re-export
    expect(edges).toContainEqual({ from: 'src/diff/forward.ts', to: 'src/expr/node.ts', typeOnly: false });
    expect(edges).toContainEqual({ from: 'src/expr/fns.ts', to: 'src/expr/types.ts', typeOnly: true });
    expect(edges.some((e) => e.from === 'src/index.ts' && e.to === 'src/api.ts')).toBe(true);
  });

  it('every file of src/ is named by exactly one row', () => {
    expect(unplaced).toEqual([]);
    expect(ambiguous).toEqual([]);
  });

  it('every name in the table names a file of src/', () => {
    const stale = rows.flatMap((r) => r.patterns.filter((p) => !files.some((f) => assignRows([f], [{ ...r, patterns: [p] }]).rowOf.has(f))).map((p) => `${p} (row ${r.row + 1})`));
    expect(stale).toEqual([]);
  });

  it('no file imports a file of a row below its own', () => {
    expect(upward(edges, rowOf)).toEqual([]);
  });

  it('the import graph of src/ has no cycle', () => {
    expect(cycles(files, edges).map((c) => c.join(' → '))).toEqual([]);
  });
});

describe('the checker catches what it must', () => {
  it('reads every form of import, and which are erased', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, e } from './e.js';",
      "export { f } from './f.js';",
      "export type { G } from './g.js';",
      "export * from './h.js';",
      "import './side.js';",
      "const m = await import('./dyn.js');",
      'let t: import("./t.js").T;',
      "import x from 'mathjs';",
      '// import { no } from "./comment.js";',
      "const s = \"import { no } from './string.js'\";",
    ].join('\n');
    expect(specifiersOf('probe.ts', text)).toEqual([
      { spec: './a.js', typeOnly: false },
      { spec: './b.js', typeOnly: true },
      { spec: './c.js', typeOnly: true },
      { spec: './e.js', typeOnly: false },
      { spec: './f.js', typeOnly: false },
      { spec: './g.js', typeOnly: true },
      { spec: './h.js', typeOnly: false },
      { spec: './side.js', typeOnly: false },
      { spec: './dyn.js', typeOnly: false },
      { spec: './t.js', typeOnly: true },
      { spec: 'mathjs', typeOnly: false },
    ]);
  });

  it('finds a cycle through a type-only edge and names its files', () => {
    const fs = ['a.ts', 'b.ts', 'c.ts', 'd.ts'];
    const es: ImportEdge[] = [
      { from: 'a.ts', to: 'b.ts', typeOnly: false },
      { from: 'b.ts', to: 'c.ts', typeOnly: false },
      { from: 'c.ts', to: 'a.ts', typeOnly: true },
      { from: 'c.ts', to: 'd.ts', typeOnly: false },
    ];
    expect(cycles(fs, es)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(fs, es.slice(0, 2).concat(es.slice(3)))).toEqual([]);
    expect(cycles(['s.ts'], [{ from: 's.ts', to: 's.ts', typeOnly: false }])).toEqual([['s.ts']]);
  });

  it('places files by the most specific name and flags an upward import', () => {
    const table = [
      '## Architecture',
      '| where | what |',
      '|---|---|',
      '| `src/p/low.ts`, `also.ts` | bottom of the graph |',
      '| `src/p/` | the rest of the folder |',
      '| `src/p/high*.ts` | near the top |',
      '### Next',
    ].join('\n');
    const rs = layerRows(table);
    expect(rs.map((r) => r.patterns)).toEqual([['src/p/low.ts', 'src/p/also.ts'], ['src/p/'], ['src/p/high*.ts']]);
    const placed = assignRows(['src/p/low.ts', 'src/p/also.ts', 'src/p/mid.ts', 'src/p/high-a.ts', 'src/q/x.ts'], rs);
    expect([...placed.rowOf]).toEqual([['src/p/low.ts', 0], ['src/p/also.ts', 0], ['src/p/mid.ts', 1], ['src/p/high-a.ts', 2]]);
    expect(placed.unplaced).toEqual(['src/q/x.ts']);
    const es: ImportEdge[] = [
      { from: 'src/p/high-a.ts', to: 'src/p/low.ts', typeOnly: false },
      { from: 'src/p/low.ts', to: 'src/p/also.ts', typeOnly: false },
      { from: 'src/p/low.ts', to: 'src/p/mid.ts', typeOnly: true },
    ];
    expect(upward(es, placed.rowOf, rs)).toEqual(['src/p/low.ts (row 1: `src/p/low.ts`, `also.ts`) imports src/p/mid.ts (row 2: `src/p/`, further down)']);
  });
});
