/**
 * The import graph of src/ and the README's architecture table, as data, for the layering test.
 *
 * Imports are read with the TypeScript compiler's parser (not a regex), so every form counts:
 * `import … from`, `import type … from`, `export … from`, `export type … from`, side-effect
 * `import '…'`, dynamic `import('…')` and `import('…').T` types. Only relative specifiers are
 * edges (packages and `node:` built-ins are checked by test/packaging/browser.test.ts); a
 * specifier `./x.js` names the source `./x.ts`.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import ts from 'typescript';

/** Every .ts file under `dir`, as a posix path relative to the project, sorted. */
export function sources(dir = 'src'): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = posix.join(dir, f);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    })
    .sort();
}

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  /** `import type` / `export type` / `import('…')` in a type position: erased at run time. */
  readonly typeOnly: boolean;
}

/** The module specifiers of one file's text, each with whether the import is erased at run time. */
export function specifiersOf(fileName: string, text: string): { spec: string; typeOnly: boolean }[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: { spec: string; typeOnly: boolean }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const c = n.importClause;
      // `import { type A, type B } from` is erased too when every named binding is type-only.
      const allTypeNames = c !== undefined && c.name === undefined && c.namedBindings !== undefined && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly);
      out.push({ spec: n.moduleSpecifier.text, typeOnly: (c?.isTypeOnly ?? false) || allTypeNames });
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier !== undefined && ts.isStringLiteral(n.moduleSpecifier)) {
      const allTypeNames = n.exportClause !== undefined && ts.isNamedExports(n.exportClause) && n.exportClause.elements.length > 0 && n.exportClause.elements.every((e) => e.isTypeOnly);
      out.push({ spec: n.moduleSpecifier.text, typeOnly: n.isTypeOnly || allTypeNames });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      out.push({ spec: n.argument.literal.text, typeOnly: true });
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] !== undefined && ts.isStringLiteralLike(n.arguments[0])) {
      out.push({ spec: n.arguments[0].text, typeOnly: false });
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) {
      out.push({ spec: n.moduleReference.expression.text, typeOnly: n.isTypeOnly });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The source file a relative specifier names, or an error line when it names none. */
function resolve(from: string, spec: string): string {
  const p = posix.normalize(posix.join(dirname(from), spec));
  const candidates = [p.replace(/\.js$/, '.ts'), p, `${p}.ts`, posix.join(p, 'index.ts')];
  const hit = candidates.find((c) => c.endsWith('.ts') && existsSync(c));
  if (hit === undefined) throw new Error(`${from}: import '${spec}' names no source file`);
  return hit;
}

/** Every edge between files of src/. */
export function importGraph(files: readonly string[] = sources()): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const { spec, typeOnly } of specifiersOf(from, readFileSync(from, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      edges.push({ from, to: resolve(from, spec), typeOnly });
    }
  }
  return edges;
}

/** The import cycles: the strongly connected components with more than one file (Tarjan), or a self-import. */
export function cycles(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const out = new Map<string, string[]>();
  for (const f of files) out.set(f, []);
  for (const e of edges) out.get(e.from)?.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const comps: string[][] = [];
  let next = 0;
  // Iterative Tarjan (the graph is small, but recursion depth should not depend on it).
  for (const root of files) {
    if (index.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    index.set(root, next); low.set(root, next); next++; stack.push(root); onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const succ = out.get(top.v) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++]!;
        if (!index.has(w)) {
          index.set(w, next); low.set(w, next); next++; stack.push(w); onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) { const parent = work[work.length - 1]!.v; low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!)); }
      if (low.get(top.v) === index.get(top.v)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== top.v);
        if (comp.length > 1 || (out.get(top.v) ?? []).includes(top.v)) comps.push(comp.sort());
      }
    }
  }
  return comps.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** One row of the README's architecture table: its position and the source paths it names. */
export interface LayerRow {
  readonly row: number;
  /** Exact files (`src/a/b.ts`), globs with `*` (`src/poly/groebner*.ts`) or folders (`src/figures/`). */
  readonly patterns: readonly string[];
  readonly text: string;
}

/**
 * The rows of the table under README "## Architecture" that name src/ paths, top to bottom. In
 * the first cell, a name without a folder (`kernel.ts` after `src/poly/monomial.ts`) is in the
 * folder of the cell's first path.
 */
export function layerRows(readme: string): LayerRow[] {
  const start = readme.indexOf('## Architecture');
  if (start < 0) throw new Error('README has no "## Architecture" section');
  const section = readme.slice(start, readme.indexOf('\n### ', start));
  const rows: LayerRow[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `src/')) continue;
    const cell = line.split('|')[1]!;
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const folder = names[0]!.endsWith('/') ? names[0]! : posix.dirname(names[0]!) + '/';
    rows.push({ row: rows.length, patterns: names.map((n) => (n.includes('/') ? n : folder + n)), text: cell.trim() });
  }
  return rows;
}

/** How specifically a pattern names a file: 3 exactly, 2 by a glob, 1 by its folder, 0 not at all. */
function matchStrength(pattern: string, file: string): number {
  if (pattern === file) return 3;
  if (pattern.includes('*')) {
    const re = new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$');
    return re.test(file) ? 2 : 0;
  }
  return pattern.endsWith('/') && file.startsWith(pattern) ? 1 : 0;
}

/** The row each file belongs to (the most specific pattern naming it), and the files no row, or two rows equally, name. */
export function assignRows(files: readonly string[], rows: readonly LayerRow[]): { rowOf: Map<string, number>; unplaced: string[]; ambiguous: string[] } {
  const rowOf = new Map<string, number>();
  const unplaced: string[] = [];
  const ambiguous: string[] = [];
  for (const f of files) {
    let best = 0;
    let at: number[] = [];
    for (const r of rows) {
      const s = Math.max(0, ...r.patterns.map((p) => matchStrength(p, f)));
      if (s > best) { best = s; at = [r.row]; } else if (s === best && s > 0 && !at.includes(r.row)) at.push(r.row);
    }
    if (at.length === 0) unplaced.push(f);
    else if (at.length > 1) ambiguous.push(`${f} (rows ${at.map((r) => rows[r]!.text).join(' and ')})`);
    else rowOf.set(f, at[0]!);
  }
  return { rowOf, unplaced, ambiguous };
}
