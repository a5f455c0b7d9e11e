/**
 * `expand`: the fully expanded polynomial of a network's outputs (or loss), or of an expression.
 *
 * Two budgets. The expansion itself is refused up front by `expand`'s own estimate (the
 * library's EXPANSION_TERM_BUDGET). The printed output has a budget of its own,
 * {@link MAX_PRINTED_TERMS}: the exact term count is known once the polynomial is built and
 * before a character is printed, so an output past it is refused with its size and the hint
 * `--out FILE`, which writes the same text (or JSON) to a file piece by piece instead.
 */
import {
  type Node,
  type Poly,
  ExpansionTooLargeError,
  buildNetwork,
  outputName,
  readSpec,
  NotPolynomialError,
  coefficients,
  degreeIn,
  expand,
  freeSymbols,
  polyDegree,
  polyTextChunks,
  polyToLatex,
  monomialLatex,
  symbolLatex,
  termCoeff,
  termExps,
  termsToText,
  escapeControls,
  looksLikeSpec,
} from '../../node/index.js';
import { writeOutput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { nameListOption } from '../options.js';
import { progress } from '../progress.js';
import { expression } from './expr.js';
/**
 * Most terms `expand` prints to stdout, summed over the outputs (each term is printed twice: in
 * the expansion and again grouped by the inputs). Measured: 10,000 terms of a 3-input quadratic
 * network are ~1.7 MB of text per listing and print in well under a second; the 2-2-2-1
 * quadratic output (4,619 terms) passes, 3-2-2-1 (20,123) and 3-4-4-1 (2,212,211 terms, ~200 MB
 * per listing, two minutes to print) are refused with the hint `--out FILE`.
 */
export const MAX_PRINTED_TERMS = 10_000;

/** One expanded formula. */
export interface ExpandedOutput {
  readonly name: string;
  readonly poly: Poly;
}

/** Expand one named formula (a refusal becomes a one-line usage error naming it). */
export function expandOutput(name: string, e: Node): ExpandedOutput {
  try {
    return { name, poly: expand(e) };
  } catch (err) {
    if (err instanceof NotPolynomialError || err instanceof ExpansionTooLargeError) throw new UsageError(`${name}: ${err.message}`);
    throw err;
  }
}

/** The `--in` list, or the inputs x1, x2, … that occur. */
export function inputList(opt: string | undefined, roots: readonly Node[]): string[] {
  if (opt === undefined) return freeSymbols(...roots).filter((v) => /^x\d+$/.test(v));
  return nameListOption('--in', opt);
}

const degreeOf = (d: number): number => (Number.isFinite(d) ? d : -1); // −1 for the zero polynomial

/** The printed text, piece by piece: `f1 = …`, the sizes, then one line per input monomial. */
export function* textChunks(outs: readonly ExpandedOutput[], inputs: readonly string[]): Generator<string> {
  for (const [i, o] of outs.entries()) {
    if (i > 0) yield '\n\n';
    yield `${o.name} = `;
    yield* polyTextChunks(o.poly);
    yield `\n  ${o.poly.n} terms, degree ${degreeOf(polyDegree(o.poly))}, degree ${degreeOf(degreeIn(o.poly, inputs))} in ${inputs.join(', ') || '(no variables)'}`;
    for (const c of coefficients(o.poly, inputs)) {
      yield `\n  [${c.monomial}] `;
      yield* polyTextChunks(c.coeff);
    }
  }
  yield '\n';
}

/** The LaTeX form, one formula per line: `f_{1} = …`, then each coefficient `[x_{1}^{2}]\,f_{1} = …`. */
export function* latexChunks(outs: readonly ExpandedOutput[], inputs: readonly string[]): Generator<string> {
  for (const o of outs) {
    const lhs = symbolLatex(o.name);
    yield `${lhs} = ${polyToLatex(o.poly)}\n`;
    for (const c of coefficients(o.poly, inputs)) yield `\\left[${monomialLatex(inputs, c.exps)}\\right] ${lhs} = ${polyToLatex(c.coeff)}\n`;
  }
}

/** A JSON string whose content arrives in pieces. */
function* jsonString(pieces: Iterable<string>): Generator<string> {
  yield '"';
  for (const p of pieces) yield JSON.stringify(p).slice(1, -1);
  yield '"';
}

/**
 * `{ outputs: [{ name, text, terms, degree, inputDegree, coefficients: [{ monomial, text }] }] }`
 * piece by piece, character for character what `json()` (JSON.stringify with indent 2) writes.
 */
export function* jsonChunks(outs: readonly ExpandedOutput[], inputs: readonly string[]): Generator<string> {
  const q = (s: string): string => JSON.stringify(s);
  yield '{\n  "outputs": [';
  for (const [i, o] of outs.entries()) {
    yield `${i > 0 ? ',' : ''}\n    {\n      "name": ${q(o.name)},\n      "text": `;
    yield* jsonString(polyTextChunks(o.poly));
    yield `,\n      "terms": ${o.poly.n},\n      "degree": ${degreeOf(polyDegree(o.poly))},\n      "inputDegree": ${degreeOf(degreeIn(o.poly, inputs))},\n      "coefficients": [`;
    const cs = coefficients(o.poly, inputs);
    for (const [j, c] of cs.entries()) {
      yield `${j > 0 ? ',' : ''}\n        {\n          "monomial": ${q(c.monomial)},\n          "text": `;
      yield* jsonString(polyTextChunks(c.coeff));
      yield '\n        }';
    }
    yield cs.length > 0 ? '\n      ]\n    }' : ']\n    }';
  }
  yield outs.length > 0 ? '\n  ]\n}\n' : ']\n}\n';
}

/** Bytes of text the terms of `outs` take, estimated from up to 1,000 terms of each, spread over it (both listings). */
export function printedBytesEstimate(outs: readonly ExpandedOutput[]): number {
  let bytes = 0;
  for (const o of outs) {
    // every (n/1000)-th term in storage order: sorting two million terms just to estimate would cost seconds
    const k = Math.min(1000, o.poly.n);
    const sample = Array.from({ length: k }, (_, i) => Math.floor((i * o.poly.n) / k)).map((i) => ({ exps: termExps(o.poly, i), coeff: termCoeff(o.poly, i) }));
    if (sample.length > 0) bytes += 2 * o.poly.n * (termsToText(o.poly.layout.vars, sample).length / sample.length + 3);
  }
  return bytes;
}

const megabytes = (b: number): string => (b >= 1e6 ? `${(b / 1e6).toPrecision(3)} MB` : `${Math.ceil(b / 1e3)} kB`);

/** The formulas to expand and the default grouping variables. */
function targets(text: string, loss: boolean): { targets: { name: string; node: Node }[]; inputs?: readonly string[] } {
  if (looksLikeSpec(text)) {
    const net = buildNetwork(readSpec(text));
    const outs = net.outputs.map((f, k) => ({ name: outputName(k + 1), node: f }));
    return { targets: loss ? [...outs, { name: 'L', node: net.loss }] : outs, inputs: net.inputs };
  }
  if (loss) throw new UsageError('--loss needs a network spec, not an expression');
  return { targets: [{ name: 'f', node: expression(text) }] };
}

/** Write pieces to a file as they come (the whole text need never exist as one string), under a progress bar. */
function writePieces(path: string, pieces: Iterable<string>, io: Io, total: number): number {
  const bar = progress(io, 'expand');
  try {
    return writeOutput(path, pieces, (bytes) => bar.update(Math.min(1, bytes / Math.max(1, total)), `writing ${escapeControls(path)}`));
  } finally {
    bar.done();
  }
}

interface ExpandOpts {
  in?: string;
  loss?: boolean;
  json?: boolean;
  latex?: boolean;
  out?: string;
}

function run(text: string, opts: ExpandOpts, io: Io): void {
  const t = targets(text, opts.loss === true);
  const inputs = opts.in === undefined && t.inputs !== undefined ? [...t.inputs] : inputList(opts.in, t.targets.map((x) => x.node));
  const outs = t.targets.map((x) => expandOutput(x.name, x.node));
  const terms = outs.reduce((s, o) => s + o.poly.n, 0);
  if (opts.json && opts.latex) throw new UsageError('--json and --latex are two output forms: choose one');
  const pieces = opts.json ? jsonChunks(outs, inputs) : opts.latex ? latexChunks(outs, inputs) : textChunks(outs, inputs);
  if (opts.out === undefined) {
    if (terms > MAX_PRINTED_TERMS)
      throw new UsageError(
        `the expansion of ${outs.map((o) => `${o.name} has ${o.poly.n.toLocaleString('en-US')} terms`).join(', ')} (≈ ${megabytes(printedBytesEstimate(outs))} of text), past the print budget of ${MAX_PRINTED_TERMS.toLocaleString('en-US')} terms: write it to a file with --out FILE, or expand a smaller network`,
      );
    io.out([...pieces].join(''));
    return;
  }
  const bytes = writePieces(opts.out, pieces, io, printedBytesEstimate(outs));
  const sizes = outs.map((o) => ({ name: o.name, terms: o.poly.n }));
  io.out(opts.json ? json({ path: opts.out, bytes, outputs: sizes }) : `${escapeControls(opts.out)}: ${sizes.map((s) => `${s.name} ${s.terms} terms`).join(', ')} (${megabytes(bytes)})\n`);
}

export const registerExpand: Register = (program, io) =>
  program
    .command('expand')
    .description('expand into an exact polynomial, grouped by monomials in the inputs')
    .argument('<spec-or-expr>', 'a network spec (e.g. 1-2-1:quadratic) or a quoted expression, e.g. "(w*x + b)^2"')
    .option('--in <names>', 'comma-separated variables to group by (default: the inputs x1, x2, …)')
    .option('--loss', 'network: also expand the loss of one data point (output L)')
    .option('--out <file>', `write the expansion (text, or JSON with --json) to a file instead of stdout; needed past ${MAX_PRINTED_TERMS} terms`)
    .option('--json', 'machine-readable output')
    .option('--latex', 'LaTeX, one formula per line (the expansion, then each coefficient)')
    .addHelpText(
      'after',
      '\nExamples:\n  closedform expand 1-2-1:quadratic --json\n  closedform expand 2-2-1:quadratic,identity --loss\n  closedform expand "(a*x + b*y)^3" --in x,y\n  closedform expand 3-4-4-1:quadratic --out big.txt   # 2,212,211 terms: too many to print\n',
    )
    .action((text: string, opts: ExpandOpts) => run(text, opts, io));
