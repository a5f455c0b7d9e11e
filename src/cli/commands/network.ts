/**
 * `formula SPEC` and `grad SPEC` for networks. `grad` is one command for networks and
 * expressions: an argument that looks like a spec (`3-2-1…` or a JSON object) is a network,
 * anything else goes to the expression gradient of `expr.ts`.
 */
import {
  type Network,
  type Node,
  backpropEquations,
  buildNetwork,
  dagSize,
  equationLatex,
  datasetGradient,
  datasetLoss,
  equationText,
  gradientEquations,
  letFormLatex,
  letJson,
  letLinesText,
  networkLetForm,
  outputName,
  readCsv,
  readSizedSpec,
  readSpec,
  seed004Names,
  substitute,
  sym,
  symbolLatex,
  toLatex,
  toText,
  treeSize,
  quote,
  looksLikeSpec,
} from '../../node/index.js';
import { readInput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { choiceOption, nameListOption } from '../options.js';
import { exprGrad } from './expr.js';
import { LETTER_SPEC, notationOption, symbolicFormula, symbolicGrad } from './sizes.js';

/**
 * Most nodes a formula may have written out as a tree to be printed as one closed formula. Text
 * is ~10 characters per tree node, so this is ~1 MB of text: past any reading. Larger outputs are
 * printed in their shared form (each shared node named once, `print/shared.ts`), whose size is
 * linear in the DAG's: never refused.
 */
export const MAX_PRINTED_TREE = 100_000n;

const printable = (e: Node): boolean => treeSize(e) <= MAX_PRINTED_TREE;

interface FormulaOptions {
  json?: boolean;
  latex?: boolean;
  shared?: boolean;
  notation?: string;
}

/**
 * Print labelled formulas closed, or in their shared form (forced by `--shared`, or when one is
 * past the print budget): text lines, one LaTeX block (`--latex`), or JSON fields.
 */
function printFormulas(
  net: Network,
  roots: readonly Node[],
  labels: readonly { text: string; latex: string }[],
  opts: FormulaOptions,
  io: Io,
): { form: 'closed' | 'shared'; lets?: ReturnType<typeof letJson>; results: { text: string; latex: string }[] } {
  const big = roots.findIndex((r) => !printable(r));
  const shared = opts.shared === true || big >= 0;
  const form = shared ? networkLetForm(net, roots) : undefined;
  const shown = form?.results ?? roots;
  const results = shown.map((r) => ({ text: toText(r), latex: toLatex(r) }));
  if (opts.json) return { form: shared ? 'shared' : 'closed', ...(form ? { lets: letJson(form) } : {}), results };
  if (opts.latex) {
    if (form) io.out(`${letFormLatex(form, labels.map((l) => l.latex))}\n`);
    else for (const [i, r] of results.entries()) io.out(`${labels[i]!.latex} = ${r.latex}\n`);
    return { form: shared ? 'shared' : 'closed', results };
  }
  if (form) {
    if (big >= 0) io.out(`# written out, ${labels[big]!.text} has ${treeSize(roots[big]!)} nodes, past the print budget of ${MAX_PRINTED_TREE}: shared form, each shared node named once\n`);
    for (const line of letLinesText(form)) io.out(`${line}\n`);
  }
  for (const [i, r] of results.entries()) io.out(`${labels[i]!.text} = ${r.text}\n`);
  return { form: shared ? 'shared' : 'closed', results };
}

function formula(specText: string, opts: FormulaOptions, io: Io): void {
  const sized = readSizedSpec(specText);
  if (sized.kind === 'symbolic') return symbolicFormula(sized.spec, opts, io);
  const notation = notationOption(opts.notation);
  const net = buildNetwork(notation === 'seed004' ? { ...sized.spec, convention: 'rows' } : sized.spec);
  // seed 004's names: the same nodes with w⁽ˡ⁾ₘⱼ renamed β⁽ˡ⁾ⱼₘ (beta{l}_{j}_{m}), for printing only
  const names = notation === 'seed004' ? new Map([...seed004Names(net.spec)].map(([k, v]) => [k, sym(v)])) : undefined;
  const named = (e: Node): Node => (names === undefined ? e : substitute(e, names));
  const labels = net.outputs.map((_, k) => ({ text: outputName(k + 1), latex: symbolLatex(outputName(k + 1)) }));
  const printed = printFormulas(net, net.outputs.map(named), labels, opts, io);
  if (!opts.json) return;
  const outputs = net.outputs.map((f, k) => ({ name: outputName(k + 1), ...printed.results[k]!, dagSize: dagSize(f), treeSize: treeSize(f).toString() }));
  const params = names === undefined ? net.params : net.params.map((p) => (names.get(p) as { name: string }).name);
  const head = { params, inputs: net.inputs };
  io.out(json(printed.form === 'shared' ? { ...head, form: 'shared', let: printed.lets, result: outputs } : { ...head, outputs, form: 'closed' }));
}

const gradLabel = (p: string): { text: string; latex: string } => ({
  text: `dL/d${p}`,
  latex: `\\frac{\\partial L}{\\partial ${symbolLatex(p)}}`,
});

function networkGrad(specText: string, opts: GradOptions, io: Io): void {
  const form = choiceOption('--form', opts.form ?? 'closed', ['closed', 'backprop']);
  if (opts.vars !== undefined) throw new UsageError('--vars is for expressions; for a network use --params');
  if (opts.notation !== undefined) throw new UsageError('--notation with grad is for networks of letter sizes (p-M-1); formula and derive take it for concrete ones');
  if (opts.data !== undefined && form === 'backprop') throw new UsageError('--data needs --form closed: the δ-recursion is written for one data point');
  if (opts.shared && form === 'backprop') throw new UsageError('--shared is for --form closed: the δ-recursion names its intermediates already');
  const net = buildNetwork(readSpec(specText));
  const params = opts.params !== undefined ? nameListOption('--params', opts.params) : [...net.params];
  const data = opts.data !== undefined ? readCsv(readInput(io, opts.data, 'data file', '--data'), net.spec) : undefined;
  const lossNode = data !== undefined ? datasetLoss(net, data) : net.loss;
  // validates the names, even for --form backprop
  const closed = data !== undefined ? datasetGradient(net, data, params) : gradientEquations(net, params);
  const sizes = { forwardDagSize: dagSize(lossNode), gradientDagSize: dagSize(lossNode, ...closed.values()) };
  if (form === 'closed') {
    // The loss and every partial, closed or (past the print budget, or with --shared) in one shared form.
    const roots = [lossNode, ...params.map((p) => closed.get(p)!)];
    const labels = [{ text: 'L', latex: 'L' }, ...params.map(gradLabel)];
    const printed = printFormulas(net, roots, labels, opts, io);
    if (!opts.json) return;
    const [loss, ...partials] = printed.results;
    const gradient: Record<string, { text: string; latex: string }> = {};
    params.forEach((p, i) => (gradient[p] = partials[i]!));
    if (printed.form === 'shared') io.out(json({ params, form: 'shared', let: printed.lets, result: { loss, gradient }, ...sizes }));
    else io.out(json({ params, loss, gradient, ...sizes }));
    return;
  }
  const loss = { text: toText(lossNode), latex: toLatex(lossNode) };
  const wanted = new Set(params);
  const eqs = backpropEquations(net).filter((e) => e.kind !== 'grad' || wanted.has(e.lhs));
  const rhs = new Map(eqs.filter((e) => e.kind === 'grad').map((e) => [e.lhs, e.rhs]));
  const gradient: Record<string, { text: string; latex: string }> = {};
  for (const p of params) gradient[p] = { text: toText(rhs.get(p)!), latex: toLatex(rhs.get(p)!) };
  if (opts.json) {
    const equations = eqs.map((e) => ({ kind: e.kind, lhs: e.lhs, layer: e.layer, text: equationText(e), latex: equationLatex(e) }));
    io.out(json({ params, form: 'backprop', loss, equations, gradient, ...sizes }));
    return;
  }
  if (opts.latex) {
    // One aligned block: L, then the recursion in evaluation order.
    const rows = [`L &= ${loss.latex}`, ...eqs.map((e) => equationLatex(e).replace(' = ', ' &= '))];
    io.out(`\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}\n`);
    return;
  }
  io.out(`L = ${loss.text}\n# forward\n`);
  let backward = false;
  for (const e of eqs) {
    if (!backward && e.kind === 'delta') {
      const kink = net.spec.activations.some((a) => a === 'relu' || a === 'leaky_relu') ? "; relu'(z) = heaviside(z), with heaviside(0) = 0" : '';
      io.out(`# backward: delta{l}_{i} = dL/dz{l}_{i}${kink}\n`);
      backward = true;
    }
    io.out(`${equationText(e)}\n`);
  }
}

interface GradOptions extends FormulaOptions {
  data?: string;
  form?: string;
  params?: string;
  vars?: string;
}

/** `closedform formula SPEC`: the outputs of a network as closed formulas. */
export const registerFormula: Register = (program, io) =>
  program
    .command('formula')
    .description('the exact formula of each network output, with named weights')
    .argument('<spec>', 'network spec WIDTHS[:ACTIVATIONS][:OPTIONS], e.g. 3-2-1:relu,identity:nobias, or a JSON object')
    .option('--notation <names>', "standard (w{l}_{i}_{j}) or seed004 (β⁽ˡ⁾ⱼₘ: j the input, m the unit; implies the rows layout)")
    .option('--json', 'machine-readable output')
    .option('--latex', 'LaTeX output (the shared form as one aligned block)')
    .option('--shared', 'name each shared subexpression once (z, a, δ, r = f − y, t1, …); automatic past the print budget')
    .addHelpText(
      'after',
      '\nSpec: widths n0-n1-…-nL (numbers, or letters for general sizes: p-M-1); activations: one name, two (hidden,output) or one per layer\n' +
        '(default sigmoid,identity); options: nobias, half (loss ½Σ(f−y)²), rows (H = σ(XW₁ + b₁)).\n' +
        `Names: w{l}_{i}_{j} (${symbolLatex('w1_2_3')}), b{l}_{i}, inputs x{j}, targets y{k}, outputs f{k}.\n` +
        'Letter widths give the equations for every size: per neuron with indexed sums, vectorised over\n' +
        'units and over data points, the parameter count as a formula, and for identity activations\n' +
        'β = W⁽¹⁾W⁽²⁾, β₀ = b⁽¹⁾W⁽²⁾ + b⁽²⁾ derived by matrix algebra.\n' +
        'Examples:\n  closedform formula 1-2-1:quadratic --json\n  closedform formula p-M-1:identity:rows --notation seed004\n',
    )
    .action((spec: string, opts: FormulaOptions) => formula(spec, opts, io));

/** `closedform grad SPEC` (network) or `closedform grad "<expr>"` (expression). */
export const registerGrad: Register = (program, io) =>
  program
    .command('grad')
    .description('gradient of a network loss (or of an expression) by one reverse sweep')
    .argument('<target>', 'network spec (e.g. 3-2-1:relu,identity:nobias) or a quoted expression')
    .option('--form <form>', 'network: closed (substituted) or backprop (δ-recursion)')
    .option('--params <names>', 'network: comma-separated parameters (default all)')
    .option('--data <csv>', 'network: loss summed over the points of a CSV file (header x1,…,y1,…; exact values)')
    .option('--vars <names>', 'expression: comma-separated variables (default all free symbols)')
    .option('--notation <names>', 'network of letter sizes: standard or seed004 (β⁽ˡ⁾ⱼₘ)')
    .option('--json', 'machine-readable output')
    .option('--latex', 'LaTeX output')
    .option('--shared', 'network, closed form: name each shared subexpression once; automatic past the print budget')
    .addHelpText(
      'after',
      '\nExamples:\n  closedform grad 3-2-1:relu,identity:nobias\n  closedform grad 3-2-3-4:arctan_sigmoid:half --form backprop\n' +
        '  closedform grad "(w*x + b - y)^2" --vars w,b --json\n' +
        '  closedform grad p-M-1:sigmoid,identity --form backprop   # letter widths: every size\n' +
        'A target with letter widths is a network when it has a ":" part or --form backprop is given\n' +
        '(p-M-1 alone is also the expression p − M − 1).\n',
    )
    .action((target: string, opts: GradOptions) => {
      // letter widths first: looksLikeSpec also takes `p-M-1:…`, which the concrete path refuses
      if (LETTER_SPEC.test(target) && (target.includes(':') || opts.form === 'backprop')) {
        const sized = readSizedSpec(target);
        if (sized.kind === 'symbolic') return symbolicGrad(sized.spec, opts, io);
      }
      if (looksLikeSpec(target)) return networkGrad(target, opts, io);
      if (opts.notation !== undefined) throw new UsageError('--notation is for networks of letter sizes');
      if (opts.form !== undefined || opts.params !== undefined || opts.data !== undefined)
        throw new UsageError(`--form, --params and --data need a network spec, not the expression ${quote(target)}`);
      exprGrad(target, opts, io);
    });
