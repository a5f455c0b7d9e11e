/**
 * The `@example` blocks of the TSDoc in src/ run, and say what the code does.
 *
 * Each ```ts block under an `@example` tag becomes a module (under test-artifacts/examples/) and
 * runs. Its `import … from 'closedform'` / `'closedform/node'` / `'closedform/notebook'` name the
 * entries in src/; a name it uses without importing or declaring it is imported from the package
 * (`closedform/node`, the widest entry) or else from the file the comment is in. A block that
 * still uses a name from neither (a fragment that leans on its prose: `net`, `data`) is listed and
 * not run.
 *
 * The convention for results: a statement `expression; // VALUE` is checked when VALUE is a
 * JavaScript literal — a string, number, bigint, boolean, null, undefined, or an array or object of
 * these — either the whole comment or its longest part before `: `, ` —`, ` (`, ` =` or `, `
 * (what follows is prose: `// 2: y² − 1, x² − y`); an exact rational `3/2` in that place is the
 * string '3/2'. Any other comment is prose and is not checked: `// e.g. [1]`, `// ≈ …`,
 * `// the point 1/4`. A value matches when
 * - a string: the result, or its text form `String(result)` (nodes print as the text syntax; an
 *   exact rational `{ n, d }` as `n/d`), equals it, where `…` and the spaces around it stand for
 *   any text;
 * - a number or bigint: the result is that number, bigint, or exact rational;
 * - an array or object: the result has the same length or the same keys, each matching;
 * - true, false, null, undefined: the result is that value.
 * A statement followed by `// throws Name` or `// throws Name: message` (on its line or alone on
 * the next) must throw an error of that `name`, with that message (`…` again any text).
 * Independent route: the comment was written from the mathematics (2x − 1 has the root 1/2), the
 * run computes it; a disagreement fails with the file, the line and both values. The checker's own
 * reading of comments is tested on made-up ones at the end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as nodeEntry from '../../src/node/index.js';
import { type Example, examples, valueLiteral } from './examples.js';

/** Blocks that cannot run inside a test process, each with the reason. */
const NOT_RUN: Record<string, string> = {
  'src/node/files.ts': 'reads standard input (blocks without a pipe)',
  'src/node/notebook.ts': 'needs a running tslab kernel (test/notebooks/ runs it)',
  'src/node/serve.ts': 'starts a server or writes a site (test/explorer/serve.test.ts runs it)',
};

/** Blocks that call Singular: run where it is installed (the oracle project's tests say where it is not). */
const NEEDS_SINGULAR = new Set(['src/node/singular.ts']);
if (!nodeEntry.isSingularAvailable()) {
  console.warn('@example blocks of src/node/singular.ts not run: Singular is not installed');
  for (const f of NEEDS_SINGULAR) NOT_RUN[f] = 'needs Singular, which is not installed';
}

const OUT = resolve('test-artifacts', 'examples');
const ENTRY = 'src/node/index.ts';
const entryNames = new Set(Object.keys(nodeEntry));

const isRational = (x: unknown): x is { n: bigint; d: bigint } => typeof x === 'object' && x !== null && typeof (x as { n: unknown }).n === 'bigint' && typeof (x as { d: unknown }).d === 'bigint' && Object.keys(x).length === 2;

/** `pattern` with `…` (and the spaces around it) as "any text", anchored at both ends. */
function glob(pattern: string, text: string): boolean {
  const parts = pattern.split(/\s*…\s*/);
  if (parts.length === 1) return pattern === text;
  if (!text.startsWith(parts[0]!) || !text.endsWith(parts[parts.length - 1]!)) return false;
  let at = parts[0]!.length;
  for (const p of parts.slice(1, -1)) {
    const i = text.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return at <= text.length - parts[parts.length - 1]!.length;
}

/** Whether a result matches a stated value (the rules in the header). */
export function matches(got: unknown, expected: unknown): boolean {
  if (typeof expected === 'string') {
    if (typeof got === 'string') return glob(expected, got);
    if (isRational(got)) return glob(expected, got.d === 1n ? `${got.n}` : `${got.n}/${got.d}`);
    return got !== null && typeof got === 'object' && glob(expected, String(got));
  }
  if (typeof expected === 'number' || typeof expected === 'bigint') {
    if (typeof got === 'number' || typeof got === 'bigint') return typeof got === typeof expected ? got === expected : Number.isInteger(Number(expected)) && BigInt(got) === BigInt(expected);
    if (isRational(got)) return typeof expected === 'bigint' ? got.d === 1n && got.n === expected : Number.isInteger(expected) ? got.d === 1n && got.n === BigInt(expected) : Number(got.n) / Number(got.d) === expected;
    return false;
  }
  if (Array.isArray(expected)) {
    const arr = Array.isArray(got) ? got : ArrayBuffer.isView(got) ? Array.from(got as unknown as ArrayLike<unknown>) : undefined;
    return arr !== undefined && arr.length === expected.length && expected.every((e, i) => matches(arr[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (got === null || typeof got !== 'object') return false;
    const ek = Object.keys(expected).sort();
    const gk = Object.keys(got).filter((k) => (got as Record<string, unknown>)[k] !== undefined).sort();
    return ek.length === gk.length && ek.every((k, i) => k === gk[i] && matches((got as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k]));
  }
  return got === expected;
}

const all = examples();
const plan = await Promise.all(
  all.map(async (ex) => {
    const own = await import(resolve(ex.file));
    const fromEntry = ex.free.filter((f) => entryNames.has(f));
    const fromFile = ex.free.filter((f) => !entryNames.has(f) && f in own);
    const missing = ex.free.filter((f) => !entryNames.has(f) && !(f in own));
    return { ex, fromEntry, fromFile, missing };
  }),
);
const notRun = plan.filter((p) => NOT_RUN[p.ex.file] !== undefined);
const fragments = plan.filter((p) => NOT_RUN[p.ex.file] === undefined && p.missing.length > 0);
const runnable = plan.filter((p) => NOT_RUN[p.ex.file] === undefined && p.missing.length === 0);

describe('the TSDoc @example blocks', () => {
  it('are found, and most of them run with checked values', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(runnable.length).toBeGreaterThan(190);
    expect(runnable.reduce((s, p) => s + p.ex.checks.length, 0)).toBeGreaterThan(150);
    console.log(`@example blocks: ${all.length}; run ${runnable.length} (${runnable.reduce((s, p) => s + p.ex.checks.length, 0)} values checked); not run: ${notRun.length} by NOT_RUN, ${fragments.length} fragments (${fragments.map((f) => `${f.ex.where}: ${f.missing.join(', ')}`).join('; ')})`);
  });

  mkdirSync(OUT, { recursive: true });
  it.each(runnable.map((p, i) => ({ ...p, i, name: p.ex.where })))('$name', async ({ ex, fromEntry, fromFile, i }: { ex: Example; fromEntry: string[]; fromFile: string[]; i: number }) => {
    const path = join(OUT, `example-${String(i).padStart(3, '0')}.ts`);
    writeFileSync(path, `// ${ex.where}\n` + ex.module([{ names: fromEntry, from: ENTRY }, { names: fromFile, from: ex.file }]));
    const mod = (await import(path)) as { __example: (check: (id: number, got: unknown, expected: unknown) => void) => Promise<void> };
    const wrong: string[] = [];
    await mod.__example((id, got, expected) => {
      const t = ex.checks[id]!.throws;
      if (t !== undefined) {
        const e = got as { name?: unknown; message?: unknown } | undefined;
        if (e === undefined) wrong.push(`${ex.where}, example line ${ex.checks[id]!.line}: ${ex.checks[id]!.code} does not throw; the comment says ${ex.checks[id]!.expected}`);
        else if (e.name !== t.name || (t.message !== undefined && !glob(t.message, String(e.message)))) wrong.push(`${ex.where}, example line ${ex.checks[id]!.line}: ${ex.checks[id]!.code} throws ${String(e.name)}: ${String(e.message)}; the comment says ${ex.checks[id]!.expected}`);
        return;
      }
      if (!matches(got, expected)) wrong.push(`${ex.where}, example line ${ex.checks[id]!.line}: ${ex.checks[id]!.code} gives ${inspect(got, { depth: 4, breakLength: Infinity })}, the comment says ${ex.checks[id]!.expected}`);
    });
    expect(wrong).toEqual([]);
  });
});

describe('the checker reads comments as the header says', () => {
  it.each([
    ['2', '2'],
    ["'x^2'", "'x^2'"],
    ['[1, 1]', '[1, 1]'],
    ['{ n: 2n, d: 3n }', '{ n: 2n, d: 3n }'],
    ['2: y² − 1, x² − y', '2'],
    ['{ inputs: 4, params: 6 } — seed 000\'s quartic', '{ inputs: 4, params: 6 }'],
    ['0 (y = x² + 1 lies in the span)', '0'],
    ['1, as for the exact 2x − 1', '1'],
    ['undefined: no descent found', 'undefined'],
    ["'http://127.0.0.1:40123/'", "'http://127.0.0.1:40123/'"],
    ['e.g. [1]: the second minimum', undefined],
    ['≈ [4, 4]', undefined],
    ['3/2', "'3/2'"],
    ['-7/3: seeded', "'-7/3'"],
    ['the point 1/4', undefined],
    ['4 runs (DESCENT_STARTS)', undefined],
  ])('%s → %s', (comment, literal) => {
    expect(valueLiteral(comment)).toBe(literal);
  });

  it('matches by the rules, and refuses what differs', () => {
    expect(matches('3*x^2\n', '3*x^2\n')).toBe(true);
    expect(matches('The data loss L along a line', 'The data loss L along …')).toBe(true);
    expect(matches('The data loss M along a line', 'The data loss L along …')).toBe(false);
    expect(matches({ n: 3n, d: 2n }, '3/2')).toBe(true);
    expect(matches({ n: 1n, d: 1n }, 1)).toBe(true);
    expect(matches({ n: 1n, d: 2n }, 1)).toBe(false);
    expect(matches([{ n: 1n, d: 1n }, { n: 1n, d: 1n }], [1, 1])).toBe(true);
    expect(matches([1, 2], [1, 2, 3])).toBe(false);
    expect(matches({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(matches(0, -1)).toBe(false);
    expect(matches(2n, 2)).toBe(true);
    expect(matches(undefined, null)).toBe(false);
  });
});
