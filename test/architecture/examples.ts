/**
 * The `@example` blocks of the TSDoc in src/, as runnable modules with their checked values, for
 * test/architecture/examples.test.ts (which states the convention).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { sources } from './imports.js';

export interface ExampleCheck {
  /** 1-based line of the block */
  readonly line: number;
  /** the statement's text, as written */
  readonly code: string;
  /** the comment's literal, as written (a value), or the error's name and message pattern (throws) */
  readonly expected: string;
  readonly throws?: { readonly name: string; readonly message?: string };
}

export interface Example {
  /** `src/file.ts:12 (name)`: where the comment is and what it documents */
  readonly where: string;
  readonly file: string;
  readonly code: string;
  /** the names the block uses without declaring or importing them */
  readonly free: readonly string[];
  readonly checks: readonly ExampleCheck[];
  /** the module to run: imports first, then `export async function __example(__check)` with the body */
  readonly module: (given: readonly { names: readonly string[]; from: string }[]) => string;
}

/** Every ```ts block under an `@example` tag of a doc comment in src/. */
export function examples(files: readonly string[] = sources()): Example[] {
  const out: Example[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const at = m[0].indexOf('@example');
      if (at < 0) continue;
      const body = m[0].slice(at).split('\n').map((l) => l.replace(/^\s*\*\/?\s?/, '')).join('\n');
      const block = /```ts\n([\s\S]*?)```/.exec(body);
      if (block === null) continue;
      const line = text.slice(0, m.index).split('\n').length;
      const after = text.slice(m.index + m[0].length).match(/^\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|abstract class)?\s*([A-Za-z_$][\w$]*)/);
      out.push(parseExample(file, `${file}:${line}${after?.[1] ? ` (${after[1]})` : ''}`, block[1]!));
    }
  }
  return out;
}

/** Names JavaScript itself provides; anything else an example uses must come from the package. */
const GLOBALS = new Set(['Math', 'Object', 'Array', 'Map', 'Set', 'WeakMap', 'BigInt', 'Number', 'String', 'Boolean', 'Symbol', 'JSON', 'Promise', 'console', 'Float64Array', 'Int32Array', 'Uint8Array', 'Error', 'RangeError', 'TypeError', 'Infinity', 'NaN', 'undefined', 'globalThis', 'Date', 'RegExp', 'parseInt', 'parseFloat', 'isFinite', 'structuredClone', 'setTimeout']);

function parseExample(file: string, where: string, code: string): Example {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const declared = new Set<string>();
  const used = new Set<string>();
  const imports: string[] = [];
  const body: string[] = [];
  const checks: ExampleCheck[] = [];
  const inType = (n: ts.Node): boolean => {
    for (let p: ts.Node | undefined = n.parent; p !== undefined; p = p.parent) if (ts.isTypeNode(p) || ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p)) return true;
    return false;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !inType(n)) {
      const p = n.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        (ts.isPropertyAssignment(p) && p.name === n) ||
        (ts.isBindingElement(p) && p.propertyName === n) ||
        ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isBindingElement(p) || ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) && p.name === n) ||
        (ts.isMethodDeclaration(p) && p.name === n);
      if (isName) {
        if (!ts.isPropertyAccessExpression(p) && !ts.isPropertyAssignment(p) && !ts.isMethodDeclaration(p) && !(ts.isBindingElement(p) && p.propertyName === n)) declared.add(n.text);
      } else used.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  for (const st of sf.statements) {
    const stText = code.slice(st.getStart(sf), st.end);
    if (ts.isImportDeclaration(st)) {
      imports.push(stText);
      continue;
    }
    const trailing = ts.getTrailingCommentRanges(code, st.end) ?? [];
    const c = trailing[0];
    const comment = c !== undefined && c.kind === ts.SyntaxKind.SingleLineCommentTrivia ? code.slice(c.pos + 2, c.end).trim() : undefined;
    // `// throws Name: message` on the statement's line or alone on the next line
    const nextLine = /^[^\n]*\n\s*\/\/\s*(throws [^\n]*)/.exec(code.slice(st.end))?.[1];
    const thrown = /^throws ([A-Za-z]\w*)(?::\s*(.*))?$/.exec(comment ?? nextLine ?? '');
    const literal = comment === undefined ? undefined : valueLiteral(comment);
    if (thrown !== null) {
      const id = checks.length;
      const line = code.slice(0, st.getStart(sf)).split('\n').length;
      checks.push({ line, code: stText, expected: thrown[0], throws: { name: thrown[1]!, ...(thrown[2] !== undefined ? { message: thrown[2].trim() } : {}) } });
      body.push(`try { ${stText} __check(${id}, undefined, undefined); } catch (e) { __check(${id}, e, undefined); }`);
    } else if (ts.isExpressionStatement(st) && literal !== undefined) {
      const id = checks.length;
      const line = code.slice(0, st.getStart(sf)).split('\n').length;
      checks.push({ line, code: stText, expected: literal });
      body.push(`__check(${id}, (${code.slice(st.expression.getStart(sf), st.expression.end)}), (${literal}));`);
    } else body.push(stText);
  }
  const free = [...used].filter((u) => !declared.has(u) && !GLOBALS.has(u)).sort();
  const module = (given: readonly { names: readonly string[]; from: string }[]): string => {
    const rewritten = imports.map((i) =>
      i.replace(/from\s+'([^']+)'/, (_all, spec: string) => {
        const target = spec === 'closedform' ? resolve('src/index.ts') : spec === 'closedform/node' ? resolve('src/node/index.ts') : spec === 'closedform/notebook' ? resolve('src/node/notebook.ts') : spec.startsWith('.') ? resolve(dirname(file), spec) : spec;
        return `from ${JSON.stringify(target)}`;
      }),
    );
    const auto = given.filter((g) => g.names.length > 0).map((g) => `import { ${g.names.join(', ')} } from ${JSON.stringify(resolve(g.from))};`);
    return [...auto, ...rewritten, 'export async function __example(__check: (id: number, got: unknown, expected: unknown) => void): Promise<void> {', ...body, '}', ''].join('\n');
  };
  return { where, file, code, free, checks, module };
}

/**
 * The value a comment states, as a JavaScript literal, or undefined when it states none: the whole
 * comment, else its longest part before `:`, ` —`, ` (`, ` =` or `,` that is one (strings,
 * numbers, bigints, booleans, null, undefined, and arrays and objects of these).
 */
export function valueLiteral(comment: string): string | undefined {
  if (/^(e\.g\.|≈|~|throws )/.test(comment)) return undefined;
  const cuts = [comment.length];
  for (const m of comment.matchAll(/:\s|\s—|\s\(|\s=|,\s/g)) cuts.push(m.index);
  for (const cut of [...new Set(cuts)].sort((a, b) => b - a)) {
    const t = comment.slice(0, cut).trim();
    if (t !== '' && isLiteral(t)) return t;
    // an exact rational written as such (`3/2`, `-7/3`) is compared as text: the result's text form
    if (/^-?\d+\/\d+$/.test(t)) return `'${t}'`;
  }
  return undefined;
}

function isLiteral(text: string): boolean {
  const sf = ts.createSourceFile('v.ts', `(${text});`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  if ((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0 || sf.statements.length !== 1) return false;
  const st = sf.statements[0]!;
  if (!ts.isExpressionStatement(st) || !ts.isParenthesizedExpression(st.expression)) return false;
  const ok = (e: ts.Expression): boolean => {
    if (ts.isStringLiteral(e) || ts.isNumericLiteral(e) || ts.isBigIntLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
    if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isIdentifier(e)) return e.text === 'undefined';
    if (ts.isPrefixUnaryExpression(e)) return e.operator === ts.SyntaxKind.MinusToken && (ts.isNumericLiteral(e.operand) || ts.isBigIntLiteral(e.operand));
    if (ts.isArrayLiteralExpression(e)) return e.elements.every(ok);
    if (ts.isObjectLiteralExpression(e)) return e.properties.every((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && ok(p.initializer));
    return false;
  };
  return ok(st.expression.expression);
}
