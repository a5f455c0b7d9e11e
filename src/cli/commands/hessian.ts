/**
 * `hessian SPEC|EXPR [--data F] [--at FILE]`: the symbolic Hessian of a network's loss (or of an
 * expression in its variables), forward-over-reverse on the shared DAG; at a rational point the
 * exact gradient and matrix, the inertia by LDLᵀ over Q and the type of a critical point.
 *
 * Budgets, both checked before the work they guard. Building: the P forward sweeps each visit
 * the gradient's DAG once, so the work is estimated as P × |gradient DAG| node visits and refused
 * past {@link MAX_HESSIAN_WORK}. Printing: the P(P+1)/2 entries written out as trees, past
 * MAX_PRINTED_TREE (the `formula`/`grad` budget) only to a file with `--out FILE`, and past
 * {@link MAX_WRITTEN_TREE} not at all.
 */
import {
  type Node,
  type Rational,
  type HessianAtPoint,
  buildNetwork,
  children,
  datasetLoss,
  freeSymbols,
  grad,
  hessianAt,
  hessianSizes,
  num,
  qparse,
  qtoString,
  readCsv,
  readSpec,
  symbolLatex,
  symbolicHessian,
  toLatex,
  toText,
  topoOrder,
  upperEntries,
  dagSize,
  JsonError,
  readJson,
  quote,
  describeValue,
  escapeControls,
  isIdentifier,
  looksLikeSpec,
} from '../../node/index.js';
import { readInput, writeOutput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { nameListOption } from '../options.js';
import { expression } from './expr.js';
import { MAX_PRINTED_TREE } from './network.js';

/**
 * Most estimated node visits (P × gradient DAG nodes) for building a Hessian. Measured
 * (`npm run bench -- hessian`, built code): 8-16-1 sigmoid over 5 points, P = 161 and a gradient
 * DAG of 2 147 nodes (346 000 visits), builds its 13 041 entries (55 261 nodes) in ~1 s; at this
 * budget about that much, before any printing. 8-16-16-1 (P = 433, 728 000 visits, 93 961
 * entries) is refused: fewer parameters with --params.
 */
export const MAX_HESSIAN_WORK = 400_000;

/** Most tree nodes written to a file with --out (~10 characters each: ~100 MB of text). */
export const MAX_WRITTEN_TREE = 10_000_000n;

interface HessianOptions {
  data?: string;
  params?: string;
  vars?: string;
  at?: string;
  out?: string;
  json?: boolean;
  latex?: boolean;
}

/** What to differentiate: the loss (or expression), its variables, and how entries are named. */
interface Target {
  readonly e: Node;
  readonly vars: readonly string[];
  /** `L` for a network loss, `f` for an expression */
  readonly name: 'L' | 'f';
}

function networkTarget(text: string, opts: HessianOptions, io: Io): Target {
  if (opts.vars !== undefined) throw new UsageError('--vars is for expressions; for a network use --params');
  const net = buildNetwork(readSpec(text));
  const vars = opts.params !== undefined ? nameListOption('--params', opts.params) : [...net.params];
  const known = new Set(net.params);
  const shown = net.params.length <= 12 ? net.params.join(', ') : `${net.params.slice(0, 6).join(', ')}, …, ${net.params.at(-1)}`;
  for (const p of vars) if (!known.has(p)) throw new UsageError(`unknown parameter ${quote(p)} in --params (this network has ${shown})`);
  const data = opts.data !== undefined ? readCsv(readInput(io, opts.data, 'data file', '--data'), net.spec) : undefined;
  return { e: data !== undefined ? datasetLoss(net, data) : net.loss, vars, name: 'L' };
}

function expressionTarget(text: string, opts: HessianOptions): Target {
  if (opts.params !== undefined || opts.data !== undefined) throw new UsageError(`--params and --data need a network spec, not the expression ${quote(text)}`);
  const e = expression(text);
  const free = freeSymbols(e);
  const vars = opts.vars !== undefined ? nameListOption('--vars', opts.vars) : free;
  if (vars.length === 0) throw new UsageError(`${quote(text)} has no variables to differentiate by`);
  for (const v of vars)
    if (!free.includes(v)) throw new UsageError(`unknown variable ${quote(v)}: it does not occur in ${quote(text)} (${free.length > 0 ? `its variables are ${free.slice(0, 20).join(', ')}` : 'it has no variables'})`);
  return { e, vars, name: 'f' };
}

/**
 * A rational point from `name,value` lines (blank lines and `#` comments skipped) or a JSON
 * object from names to numbers or strings (`"1/3"`); values are read exactly (`0.1` is 1/10).
 */
export function readPoint(text: string, file: string): Map<string, Rational> {
  const point = new Map<string, Rational>();
  const put = (name: string, value: string, where: string): void => {
    if (!isIdentifier(name)) throw new UsageError(`${where}: bad name ${quote(name)}`);
    if (point.has(name)) throw new UsageError(`${where}: ${quote(name)} is given twice`);
    let q: Rational | undefined;
    try {
      q = qparse(value);
    } catch {
      q = undefined; // an exponent past the budget is no value a point takes either
    }
    if (q === undefined) throw new UsageError(`${where}: ${quote(value)} is not a rational number (integers, a/b, decimals)`);
    point.set(name, q);
  };
  if (text.trim().startsWith('{')) {
    let value: unknown;
    try {
      value = readJson(text, `point file ${quote(file)}`); // strictly: a name given twice is refused, not overwritten
    } catch (e) {
      if (e instanceof JsonError) throw new UsageError(e.message);
      throw e;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`point file ${quote(file)} must hold a JSON object from names to values`);
    // a JSON number prints back as its shortest round-trip decimal, which is what was written
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'number' && typeof v !== 'string') throw new UsageError(`${quote(file)}: the value of ${quote(k)} is not a number: ${describeValue(v)}`);
      put(k, String(v), file);
    }
  } else {
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const cells = line.split(',').map((c) => c.trim());
      if (cells.length !== 2) throw new UsageError(`${quote(file)} line ${i + 1}: expected name,value, got ${quote(line)}`);
      put(cells[0]!, cells[1]!, `${file} line ${i + 1}`);
    });
  }
  if (point.size === 0) throw new UsageError(`point file ${quote(file)} gives no values`);
  return point;
}

/** Σ over the roots of their tree sizes, with one memo over the shared DAG. */
function totalTreeSize(roots: readonly Node[]): bigint {
  const memo = new Map<Node, bigint>();
  for (const n of topoOrder(...roots)) memo.set(n, children(n).reduce((s, c) => s + memo.get(c)!, 1n));
  return roots.reduce((s, r) => s + memo.get(r)!, 0n);
}

const entryText = (t: Target, a: string, b: string): string => (a === b ? `d2${t.name === 'L' ? 'L' : ''}/d${a}^2` : `d2${t.name === 'L' ? 'L' : ''}/d${a} d${b}`);
const entryLatex = (t: Target, a: string, b: string): string =>
  `\\frac{\\partial^2 ${t.name}}{${a === b ? `\\partial {${symbolLatex(a)}}^2` : `\\partial ${symbolLatex(a)}\\,\\partial ${symbolLatex(b)}`}}`;
const qLatex = (q: Rational): string => toLatex(num(q));
const inertiaText = (I: HessianAtPoint['inertia']): string => `${I.positive} positive, ${I.negative} negative, ${I.zero} zero`;

function symbolicOutput(t: Target, H: ReturnType<typeof symbolicHessian>, sizes: ReturnType<typeof hessianSizes>, opts: HessianOptions): string {
  const P = H.vars.length;
  const rows: { row: string; column: string; node: Node }[] = [];
  for (let i = 0; i < P; i++) for (let j = i; j < P; j++) rows.push({ row: H.vars[i]!, column: H.vars[j]!, node: H.entries[i]![j]! });
  if (opts.json)
    return json({
      vars: H.vars,
      [t.name === 'L' ? 'loss' : 'expression']: { text: toText(t.e), latex: toLatex(t.e) },
      entries: rows.map((r) => ({ row: r.row, column: r.column, text: toText(r.node), latex: toLatex(r.node) })),
      ...sizes,
    });
  if (opts.latex)
    return `${t.name} = ${toLatex(t.e)}\n${rows.map((r) => `${entryLatex(t, r.row, r.column)} = ${toLatex(r.node)}\n`).join('')}`;
  return `${t.name === 'L' ? `L = ${toText(t.e)}\n` : ''}${rows.map((r) => `${entryText(t, r.row, r.column)} = ${toText(r.node)}\n`).join('')}`;
}

function pointOutput(t: Target, at: HessianAtPoint, point: ReadonlyMap<string, Rational>, opts: HessianOptions): string {
  const vars = at.vars;
  const typeLine = at.type !== undefined ? at.type : 'none: not a critical point (the inertia describes the local curvature only)';
  if (opts.json)
    return json({
      vars,
      point: Object.fromEntries([...point].map(([k, v]) => [k, qtoString(v)])),
      gradient: Object.fromEntries(vars.map((v, i) => [v, qtoString(at.gradient[i]!)])),
      critical: at.critical,
      hessian: at.matrix.map((r) => r.map(qtoString)),
      inertia: at.inertia,
      definiteness: at.definiteness,
      ...(at.type !== undefined ? { type: at.type } : {}),
    });
  const d = t.name === 'L' ? 'dL' : 'd';
  if (opts.latex) {
    const grad = `\\nabla ${t.name} = \\begin{pmatrix} ${at.gradient.map(qLatex).join(' \\\\ ')} \\end{pmatrix}`;
    const mat = `\\nabla^2 ${t.name} = \\begin{pmatrix} ${at.matrix.map((r) => r.map(qLatex).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
    return `${grad}\n${mat}\n% order: ${vars.join(', ')}; inertia ${inertiaText(at.inertia)}; ${at.definiteness}; type ${typeLine}\n`;
  }
  const cells = at.matrix.map((r) => r.map(qtoString));
  const width = Math.max(...cells.flat().map((c) => c.length));
  const lines = [
    `at ${[...point].map(([k, v]) => `${k} = ${qtoString(v)}`).join(', ')}`,
    ...vars.map((v, i) => `${d}/d${v} = ${qtoString(at.gradient[i]!)}`),
    `critical point: ${at.critical ? 'yes (the gradient is exactly zero)' : 'no (the gradient is not zero)'}`,
    `Hessian (rows and columns ${vars.join(', ')}):`,
    ...cells.map((r) => `  [${r.map((c) => c.padStart(width)).join(', ')}]`),
    `inertia (LDLᵀ over Q): ${inertiaText(at.inertia)}; ${at.definiteness}`,
    `type: ${typeLine}`,
  ];
  return `${lines.join('\n')}\n`;
}

function hessianCommand(target: string, opts: HessianOptions, io: Io): void {
  if (opts.json && opts.latex) throw new UsageError('--json and --latex are two output formats: choose one');
  const t = looksLikeSpec(target) ? networkTarget(target, opts, io) : expressionTarget(target, opts);
  const point = opts.at !== undefined ? readPoint(readInput(io, opts.at, 'point file', '--at'), opts.at) : undefined;
  // the estimate, from the gradient (cheap: one reverse sweep) before any forward sweep
  const P = t.vars.length;
  const work = P * dagSize(t.e, ...grad(t.e, t.vars).values());
  if (work > MAX_HESSIAN_WORK)
    throw new UsageError(
      `the Hessian in ${P} variables has ${((P * (P + 1)) / 2).toLocaleString('en-US')} distinct entries; building it is estimated at ${work.toLocaleString('en-US')} node visits (P × gradient DAG), past the budget of ${MAX_HESSIAN_WORK.toLocaleString('en-US')}: choose fewer with ${t.name === 'L' ? '--params' : '--vars'}`,
    );
  const H = symbolicHessian(t.e, t.vars);
  let text: string;
  let what: string;
  if (point !== undefined) {
    text = pointOutput(t, hessianAt(H, point, [t.e]), point, opts);
    what = `the Hessian at the point, ${P} × ${P}`;
  } else {
    const size = totalTreeSize(upperEntries(H));
    const limit = opts.out === undefined ? MAX_PRINTED_TREE : MAX_WRITTEN_TREE;
    if (size > limit)
      throw new UsageError(
        `the ${(P * (P + 1)) / 2} Hessian entries have ${size.toLocaleString('en-US')} nodes written out, past the ${opts.out === undefined ? 'print' : 'file'} budget of ${limit.toLocaleString('en-US')}: ${opts.out === undefined ? 'write them to a file with --out FILE, ' : ''}evaluate at a point with --at FILE, or choose fewer with ${t.name === 'L' ? '--params' : '--vars'}`,
      );
    text = symbolicOutput(t, H, hessianSizes(t.e, H), opts);
    what = `${(P * (P + 1)) / 2} Hessian entries`;
  }
  if (opts.out === undefined) {
    io.out(text);
    return;
  }
  writeOutput(opts.out, text);
  io.out(`${escapeControls(opts.out)}: ${what} (${Buffer.byteLength(text)} bytes)\n`);
}

/** `closedform hessian SPEC|EXPR`: second derivatives, symbolic or exact at a point. */
export const registerHessian: Register = (program, io) =>
  program
    .command('hessian')
    .description('Hessian of a network loss (or of an expression): symbolic, or exact at a rational point with its inertia and type')
    .argument('<target>', 'network spec (e.g. 1-2-1:quadratic) or a quoted expression')
    .option('--data <csv>', 'network: loss summed over the points of a CSV file (header x1,…,y1,…; exact values)')
    .option('--params <names>', 'network: comma-separated parameters (default all)')
    .option('--vars <names>', 'expression: comma-separated variables (default all free symbols)')
    .option('--at <file>', 'a rational point: name,value lines or a JSON object; prints the exact gradient, Hessian, inertia and type instead of the formulas')
    .option('--out <file>', `write the output to a file instead of stdout; needed past ${MAX_PRINTED_TREE.toLocaleString('en-US')} nodes of formulas`)
    .option('--latex', 'LaTeX instead of text')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nEntries ∂²L/∂θᵢ∂θⱼ for i ≤ j (the matrix is symmetric), in the order of --params or --vars.\n' +
        'Forward-over-reverse: one reverse sweep for the gradient, then one forward sweep per variable.\n' +
        'At a point: the type (minimum, maximum, saddle, degenerate) only where the gradient is exactly zero.\n' +
        'Examples:\n  closedform hessian 1-1-1:identity:nobias --data examples/quartic.csv\n' +
        '  closedform hessian 1-1-1:identity:nobias --data examples/quartic.csv --at origin.csv   # origin.csv: w1_1_1,0 and w2_1_1,0\n' +
        '  closedform hessian "x^2*y - y^3" --latex\n',
    )
    .action((target: string, opts: HessianOptions) => hessianCommand(target, opts, io));
