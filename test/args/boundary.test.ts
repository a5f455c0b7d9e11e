/**
 * The library's door, export by export: every exported function of `closedform/node` is fed
 * wrong types, NaN, huge, nested and empty values in each argument position (the other
 * arguments valid), and generated values of every kind (fast-check `anything`).
 *
 * Oracle: the TypeScript declarations, read with the compiler. A value that the declared
 * parameter type does not admit (the compiler's own assignability check) must be refused with an
 * ArgumentError whose message names the function and that parameter; any other outcome of any
 * call is a return value or a typed ClosedformError — never a TypeError, a RangeError, a stack
 * overflow or a hang. The declarations are independent of the checks in src/args/: a parameter
 * the guards forget, or check against a different type, fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/node/index.js';
import { isGuarded } from '../../src/args/check.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ENTRY = `${ROOT}src/node/index.ts`;
const JUNK_FILE = `${ROOT}test/args/__junk__.ts`;

/** Wrong values, each with a TypeScript declaration of its type (for the assignability oracle). */
const deep = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const JUNK: readonly { readonly label: string; readonly value: () => unknown; readonly type: string }[] = [
  { label: 'undefined', value: () => undefined, type: 'undefined' },
  { label: 'null', value: () => null, type: 'null' },
  { label: 'NaN', value: () => Number.NaN, type: 'number' },
  { label: '-1', value: () => -1, type: 'number' },
  { label: '0.5', value: () => 0.5, type: 'number' },
  { label: '2^31', value: () => 2 ** 31, type: 'number' },
  { label: '1e300', value: () => 1e300, type: 'number' },
  { label: 'Infinity', value: () => Infinity, type: 'number' },
  { label: "''", value: () => '', type: 'string' },
  { label: "'x'", value: () => 'x', type: 'string' },
  { label: 'control text', value: () => '\u001b[31m1-1\n', type: 'string' },
  { label: 'long text', value: () => 'a'.repeat(100_000), type: 'string' },
  { label: '7n', value: () => 7n, type: 'bigint' },
  { label: 'true', value: () => true, type: 'boolean' },
  { label: 'symbol', value: () => Symbol('s'), type: 'symbol' },
  { label: 'function', value: () => () => 1, type: '() => number' },
  { label: '[]', value: () => [], type: 'never[]' },
  { label: "['x']", value: () => ['x'], type: 'string[]' },
  { label: '[NaN]', value: () => [Number.NaN], type: 'number[]' },
  { label: 'nested 10 000 deep', value: () => deep(10_000), type: 'unknown[][][]' },
  { label: '{}', value: () => ({}), type: '{}' },
  { label: '{a: 1}', value: () => ({ a: 1 }), type: '{ a: number }' },
  { label: '{widths: [1e6, 1e6]}', value: () => ({ widths: [1e6, 1e6] }), type: '{ widths: number[] }' },
  { label: '{n: 2n, d: 4n}', value: () => ({ n: 2n, d: 4n }), type: '{ n: bigint; d: bigint }' },
  { label: 'Map', value: () => new Map([['x', 1]]), type: 'Map<string, number>' },
  { label: 'Float64Array', value: () => new Float64Array(2), type: 'Float64Array' },
  {
    label: 'throwing proxy',
    value: () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          ownKeys() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      ),
    type: 'unknown',
  },
];

interface Param {
  readonly name: string;
  readonly type: ts.Type;
  readonly text: string;
  readonly optional: boolean;
  readonly rest: boolean;
}

let checker: ts.TypeChecker;
let junkTypes: ts.Type[];
const declared = new Map<string, Param[]>();

beforeAll(() => {
  const junkSource = JUNK.map((j, i) => `export declare const j${i}: ${j.type};`).join('\n');
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, types: ['node'] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === JUNK_FILE ? junkSource : read(f));
  host.fileExists = (f) => f === JUNK_FILE || exists(f);
  host.getSourceFile = (f, v, e, c) => (f === JUNK_FILE ? ts.createSourceFile(f, junkSource, v) : getSource(f, v, e, c));
  const program = ts.createProgram([ENTRY, JUNK_FILE], options, host);
  checker = program.getTypeChecker();
  const junk = checker.getSymbolAtLocation(program.getSourceFile(JUNK_FILE)!)!;
  junkTypes = JUNK.map((_, i) => {
    const s = checker.getExportsOfModule(junk).find((x) => x.name === `j${i}`)!;
    return checker.getTypeOfSymbol(s);
  });
  const sf = program.getSourceFile(ENTRY)!;
  for (const s of checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!)) {
    const t = checker.getTypeOfSymbolAtLocation(s, sf);
    const sig = t.getCallSignatures()[0];
    if (sig === undefined || t.getConstructSignatures().length > 0) continue;
    declared.set(
      s.name,
      sig.getParameters().map((p) => {
        const d = p.valueDeclaration as ts.ParameterDeclaration | undefined;
        const type = checker.getTypeOfSymbolAtLocation(p, sf);
        return {
          name: p.name,
          type,
          text: checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation),
          optional: d !== undefined && (d.questionToken !== undefined || d.initializer !== undefined),
          rest: d?.dotDotDotToken !== undefined,
        };
      }),
    );
  }
}, 120_000);

/** Valid arguments by declared type, all describing one small consistent world (a 1-2-1 quadratic network). */
function examples(): Map<string, () => unknown> {
  const spec = api.parseSpec('1-2-1:quadratic');
  const net = api.buildNetwork(spec);
  const data = api.readCsv('x1,y1\n0,1\n1,2\n2,5\n', spec);
  const p = api.expand(api.parse('x^2 + 2*y'));
  const system = api.systemFromNodes(api.parseEquations('x^2 - 2; y - x'), ['x', 'y']);
  const gb = api.groebner(system, ['x', 'y']);
  const qp = [api.Q(-2), api.Q(0), api.Q(1)];
  const col = api.collapse(net);
  const analysis = api.analyze(api.parseSpec('1-1:identity'), { descent: false, landscape: false });
  const cp = api.criticalPoints(api.buildNetwork(api.parseSpec('1-1:identity')), api.readCsv('x1,y1\n0,1\n1,2\n', api.parseSpec('1-1:identity')), { kind: 'none' });
  const derivation = { title: 't', steps: [api.heading('h'), api.prose('a ', api.m('x^2'))] };
  const idSpec = api.parseSpec('1-1:identity');
  const id = { spec: idSpec, net: api.buildNetwork(idSpec), data: api.readCsv('x1,y1\n0,1\n1,2\n2,2\n', idSpec) };
  const relu1Spec = api.parseSpec('1-2-1:relu,identity');
  const relu1 = { net: api.buildNetwork(relu1Spec), data: api.readCsv('x1,y1\n-1,1\n0,0\n1,1\n', relu1Spec) };
  const relu2Spec = api.parseSpec('2-2-1:relu,identity');
  const relu2 = { spec: relu2Spec, point: Object.fromEntries(api.parameterNames(relu2Spec).map((n, k) => [n, api.Q(k % 3 - 1)])) };
  const eq = api.backpropEquations(net)[0]!;
  const e = api.parse('x + 1');
  const q = api.Q(1, 2);
  const w: Record<string, () => unknown> = {
    number: () => 1,
    string: () => 'x',
    bigint: () => 3n,
    boolean: () => true,
    NetworkSpec: () => spec,
    Network: () => net,
    Node: () => e,
    Rational: () => q,
    'readonly string[]': () => ['x'],
    'readonly string[] | undefined': () => ['x'],
    Poly: () => p,
    'readonly number[]': () => [1],
    'readonly number[] | undefined': () => [0],
    QPoly: () => qp,
    Dataset: () => data,
    EngineParams: () => api.zeroParams(spec),
    'readonly Node[]': () => [e],
    QMatrix: () => [[api.Q(1), api.Q(2)], [api.Q(3), api.Q(4)]],
    'readonly PolyTerms[]': () => system,
    PolyTerms: () => system[0],
    'readonly Sample[]': () => [{ x: [1], y: [2] }],
    Sample: () => ({ x: [1], y: [2] }),
    Derivation: () => derivation,
    Layout: () => p.layout,
    GroebnerBasis: () => gb,
    'readonly Rational[]': () => [q],
    'ReadonlyMap<string, Rational>': () => new Map([['x', q]]),
    Order: () => 'grevlex',
    unknown: () => ({ widths: [1, 1] }),
    'Readonly<Record<string, number>>': () => ({}),
    RealRoot: () => api.realRoots(qp)[0],
    Analysis: () => analysis,
    'readonly Row[]': () => [{ lhs: 'y', rhs: ['x'] }],
    Row: () => ({ lhs: 'y', rhs: ['x'] }),
    'number | bigint': () => 3,
    BackpropEquation: () => eq,
    'readonly BackpropEquation[]': () => api.backpropEquations(net),
    'readonly Term[]': () => [{ exps: [1], coeff: q }],
    '() => number': () => api.seededRng(1),
    Rng: () => api.seededRng(1),
    'readonly AffineForm[]': () => [{ coeffs: [q], constant: q }],
    NodeMatrix: () => [[e]],
    Collapse: () => col,
    Regularisation: () => ({ kind: 'none' }),
    CriticalPoints: () => cp,
    'Inline[]': () => 'text',
    'number | Rational | Node': () => 2,
    'number | bigint | Rational': () => 2,
    'ReadonlyMap<string, Node> | Record<string, Node>': () => ({ x: e }),
    'ReadonlyMap<string, Rational> | Record<string, Rational>': () => ({ x: q }),
    'ReadonlyMap<string, number> | Record<string, number>': () => ({ x: 2 }),
    'Float64Array<ArrayBufferLike>': () => Float64Array.of(1, 2),
    'ArrayLike<number>': () => [0, 0, 0, 0, 0, 0, 0],
    'Int32Array<ArrayBufferLike>': () => p.mono,
    'readonly (readonly number[])[]': () => [[2, 1], [1, 2]],
    'readonly Poly[]': () => [p],
    'readonly Feature[]': () => col.features,
    'readonly (readonly Inline[])[]': () => [['a']],
    'readonly (readonly (readonly Inline[])[])[]': () => [[['a']]],
    'readonly Inline[]': () => ['a'],
    'readonly (readonly [Poly, bigint])[]': () => [[p, 1n]],
    'readonly { exps: readonly number[]; coeff: Rational; }[]': () => [{ exps: [2], coeff: q }],
    '{ n: bigint; d: bigint; }': () => ({ n: 1n, d: 3n }),
    'readonly (readonly T[])[]': () => [[1, 2]],
    '(v: Float64Array<ArrayBufferLike>) => number': () => (v: Float64Array) => v[0]! * 2,
    '(conditions: readonly SignCondition[]) => boolean': () => () => true,
    '"info" | "warning"': () => 'info',
    '1 | 2 | 3': () => 2,
    'Matrix<MathNumericType>': () => api.zeroParams(spec).b[0],
    ModularInput: () => api.prepareInput(system, ['x', 'y'], 'grevlex'),
    HtmlOptions: () => ({ katexCss: '' }),
    '{ gamma: number; steps: number; }': () => ({ gamma: 0.1, steps: 1 }),
    'readonly (readonly Rational[])[]': () => [[api.Q(0), api.Q(1)], [api.Q(1), api.Q(1)]],
    'ReadonlyMap<string, Node>': () => new Map([['w1_1_1', e]]),
    AnalyzeOptions: () => ({}),
    SolveResult: () => api.solveSystem(system, ['x', 'y']),
    Landscape: () => api.landscape(id.net, id.data),
    '{ readonly K: number; readonly rank: number; readonly filling: boolean; }': () => ({ K: 2, rank: 2, filling: true }),
    'Readonly<Record<string, Rational>>': () => relu2.point,
    Box: () => ({ lo: [api.Q(-1), api.Q(-1)], hi: [api.Q(1), api.Q(1)] }),
    'readonly Vertex[]': () => [[api.Q(0), api.Q(0)], [api.Q(1), api.Q(0)], [api.Q(0), api.Q(1)]],
    ReluExact: () => api.reluExact(relu1.net, relu1.data),
    Regions: () => api.linearRegions(relu2.spec, relu2.point, { lo: [api.Q(-1), api.Q(-1)], hi: [api.Q(1), api.Q(1)] }),
    Figure: () => api.networkFigure(id.spec),
    'readonly Step[]': () => derivation.steps,
    '{ readonly net: { readonly params: readonly string[]; }; }': () => ({ net: id.net }),
    SliceData: () => api.sliceData(id.spec, id.data, { seed: 1, grid: 5 }),
    LineData: () => api.lineData(id.spec, id.data, { seed: 1, points: 5 }),
    FitData: () => api.fitData(id.spec, id.data, { seed: 1 }),
    DescentData: () => api.descentData(id.spec, id.data, { seed: 1, starts: 1, steps: 3 }),
    '{ readonly kind: FigureKind; readonly title: string; readonly description: string; }': () => ({ kind: 'network', title: 't', description: 'd' }),
  };
  return new Map(Object.entries(w));
}

/**
 * Exports whose job is to take anything (or whose parameter is another library's option object,
 * renderPlot's Observable Plot options): their calls are checked for a typed outcome only.
 */
const TAKES_ANYTHING = new Set(['isNode', 'describeValue', 'specFromJson', 'renderPlot']);
/**
 * assertNever is the one export that throws a plain Error on purpose: it marks a case that cannot
 * happen (a bug), which must not look like a user's mistake. It is still guarded.
 */
const THROWS_BY_DESIGN = new Set(['assertNever']);

/** Valid arguments that the declared type alone does not give (a registered function name, a cheap network). */
function overrides(): Record<string, readonly unknown[]> {
  const id = api.parseSpec('1-1:identity');
  const idData = api.readCsv('x1,y1\n0,1\n1,2\n', id);
  return {
    fn: ['sigmoid'],
    lookupFn: ['sigmoid'],
    getActivation: ['relu'],
    mathjsActivation: ['relu'],
    taylorPolynomial: ['sigmoid', 3],
    descend: [id, idData, { starts: 1, steps: 5 }],
    criticalPoints: [api.buildNetwork(id), idData],
    landscape: [api.buildNetwork(id), idData],
    leastSquares: [api.buildNetwork(api.parseSpec('1-2-1:quadratic')), undefined, api.readCsv('x1,y1\n0,1\n1,2\n2,5\n', api.parseSpec('1-2-1:quadratic'))],
    readTextFile: ['examples/line.csv'],
  };
}
/** Exports not called: reading standard input would block the test. */
const NOT_CALLED = new Set(['readStdin']);

/**
 * Exports that write files into a folder named by their first argument: a generated name is
 * taken below a temporary folder (as a relative path), so the test never writes into the tree it
 * runs in. The guard still sees every wrong type unchanged.
 */
const WRITES_INTO = new Set(['exportExplorer']);
const SANDBOX = mkdtempSync(join(tmpdir(), 'closedform-boundary-'));
afterAll(() => rmSync(SANDBOX, { recursive: true, force: true }));
const sandboxed = (f: (...a: unknown[]) => unknown) => (dir: unknown, ...rest: unknown[]) =>
  f(typeof dir === 'string' && dir !== '' ? join(SANDBOX, encodeURIComponent(dir).slice(0, 120)) : dir, ...rest);

/** Call and classify: 'ok', the ClosedformError, or the other thrown value. */
async function outcome(f: (...a: unknown[]) => unknown, args: unknown[]): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    const r = f(...args);
    if (r instanceof Promise) await r;
    // a generator checks its arguments when called; run it to its end too
    if (r !== null && typeof r === 'object' && typeof (r as Generator).next === 'function' && typeof (r as Generator)[Symbol.iterator] === 'function' && !(r instanceof Map)) for (const _ of r as Iterable<unknown>);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

const functions = Object.entries(api)
  .filter(([, v]) => typeof v === 'function' && !/^class\s/.test(Function.prototype.toString.call(v)))
  .map(([k]) => k)
  .sort();

describe('every exported function checks its arguments at the door', () => {
  let valid: Map<string, () => unknown>;
  let extra: Record<string, readonly unknown[]>;
  beforeAll(() => {
    valid = examples();
    extra = overrides();
  }, 120_000);

  it('the exports are many (a wrong import would make this test vacuous)', () => expect(functions.length).toBeGreaterThan(250));

  it.each(functions)('%s', async (fnName) => {
    const exported = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[fnName]!;
    expect(isGuarded(exported), `${fnName} is exported without a guard (add it in src/args/)`).toBe(true);
    const f = WRITES_INTO.has(fnName) ? sandboxed(exported) : exported;
    if (NOT_CALLED.has(fnName)) return;
    const params = declared.get(fnName);
    expect(params, `no declaration found for ${fnName}`).toBeDefined();
    const fixed = extra[fnName] ?? [];
    const base = params!.map((p, i) => (fixed[i] !== undefined ? fixed[i] : p.optional ? undefined : valid.get(p.text)?.()));
    const reachable = params!.map((_, i) => params!.slice(0, i).every((p, k) => p.optional || valid.has(p.text) || fixed[k] !== undefined));
    for (const [i, p] of params!.entries()) {
      for (const [k, j] of JUNK.entries()) {
        const args = [...base];
        args[i] = j.value();
        const r = await outcome(f, args);
        const junkType = junkTypes[k]!;
        const element = p.rest ? checker.getIndexTypeOfType(p.type, ts.IndexKind.Number) : undefined;
        const admitted =
          checker.isTypeAssignableTo(junkType, p.type) ||
          (element !== undefined && checker.isTypeAssignableTo(junkType, element)) ||
          (p.optional && j.label === 'undefined') ||
          // a function's parameter and return types cannot be seen at run time
          (junkType.getCallSignatures().length > 0 && p.type.getCallSignatures().length > 0) ||
          // a generic parameter (transpose's T) admits any entries
          /\bT\b/.test(p.text);
        const where = `${fnName}(${p.name} = ${j.label})`;
        if (!r.ok && !THROWS_BY_DESIGN.has(fnName)) {
          expect(r.error instanceof api.ClosedformError, `${where} threw ${String(r.error)}`).toBe(true);
          if (r.error instanceof api.ArgumentError && r.error.fn === fnName && reachable[i]) {
            expect((r.error as Error).message.startsWith(`${fnName}(): `), where).toBe(true);
          }
        }
        if (!admitted && !TAKES_ANYTHING.has(fnName) && !THROWS_BY_DESIGN.has(fnName) && reachable[i]) {
          expect(r.ok, `${where} was accepted, but the declared type is ${p.text}`).toBe(false);
          if (!r.ok) {
            expect(r.error, `${where}: ${String(r.error)}`).toBeInstanceOf(api.ArgumentError);
            const e = r.error as InstanceType<typeof api.ArgumentError>;
            expect(e.fn, where).toBe(fnName);
            // the message names the declared parameter (or a rest parameter's entry)
            expect(e.arg.startsWith(p.name), `${where}: the error names '${e.arg}', the declaration '${p.name}'`).toBe(true);
            expect(e.message).not.toMatch(/\n/);
          }
        }
      }
    }
    // an options object with every declared option (each undefined) is not refused for an unknown
    // option: the guards' option lists follow the declarations (a new option needs its check)
    for (const [i, p] of params!.entries()) {
      const t = checker.getNonNullableType(p.type);
      if (t.getCallSignatures().length > 0 || checker.isArrayType(t) || !(t.flags & ts.TypeFlags.Object)) continue;
      const props = checker.getPropertiesOfType(t);
      if (props.length === 0 || !props.every((x) => (x.flags & ts.SymbolFlags.Optional) !== 0)) continue;
      const args = [...base];
      args[i] = Object.fromEntries(props.map((x) => [x.name, undefined]));
      const r = await outcome(f, args);
      if (!r.ok) expect(String(r.error), `${fnName}(${p.name} with every declared option)`).not.toMatch(/unknown option/);
    }
    // generated values of every kind, in every position
    if (params!.length === 0) return;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(params!.length - 1),
        fc.anything({ maxDepth: 3, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true }),
        async (i, v) => {
          const args = [...base];
          args[i] = v;
          const r = await outcome(f, args);
          return r.ok || r.error instanceof api.ClosedformError || THROWS_BY_DESIGN.has(fnName);
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  });
});
