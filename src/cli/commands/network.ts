/**
 * `formula SPEC` and `grad SPEC` for networks. `grad` is one command for networks and
 * expressions: an argument that looks like a spec (`3-2-1…` or a JSON object) is a network,
 * anything else goes to the expression gradient of `expr.ts`.
 */
import {
  type BackpropEquation,
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
  aName,
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
 * printed in their recursive form; larger closed gradients are refused with a hint.
 */
export const MAX_PRINTED_TREE = 100_000n;

const printable = (e: Node): boolean => treeSize(e) <= MAX_PRINTED_TREE;

/** The forward recursion z, a of a network (the first equations of the backprop list). */
const forwardEquations = (net: Network): BackpropEquation[] => backpropEquations(net).filter((e) => e.kind === 'z' || e.kind === 'a');

function formula(specText: string, opts: { json?: boolean; notation?: string }, io: Io): void {
  const sized = readSizedSpec(specText);
  if (sized.kind === 'symbolic') return symbolicFormula(sized.spec, opts, io);
  const notation = notationOption(opts.notation);
  const net = buildNetwork(notation === 'seed004' ? { ...sized.spec, convention: 'rows' } : sized.spec);
  // seed 004's names: the same nodes with w⁽ˡ⁾ₘⱼ renamed β⁽ˡ⁾ⱼₘ (beta{l}_{j}_{m}), for printing only
  const names = notation === 'seed004' ? new Map([...seed004Names(net.spec)].map(([k, v]) => [k, sym(v)])) : undefined;
  const named = (e: Node): Node => (names === undefined ? e : substitute(e, names));
  const L = net.spec.widths.length - 1;
  const recursive = !net.outputs.every(printable);
  // Too big to print closed: f_k is shown as the right-hand side of a{L}_k = σ(z{L}_k), with the
  // forward equations z, a of every layer listed alongside.
  const forward = recursive ? forwardEquations(net) : [];
  const outputs = net.outputs.map((f, k) => {
    const shown = recursive ? forward.find((e) => e.lhs === aName(L, k + 1))!.rhs : f;
    return { name: outputName(k + 1), text: toText(named(shown)), latex: toLatex(named(shown)), dagSize: dagSize(f), treeSize: treeSize(f).toString() };
  });
  if (opts.json) {
    const equations = forward.map((e) => ({ lhs: e.lhs, text: toText(named(e.rhs)), latex: toLatex(named(e.rhs)) }));
    const params = names === undefined ? net.params : net.params.map((p) => (names.get(p) as { name: string }).name);
    io.out(json({ params, inputs: net.inputs, outputs, ...(recursive ? { form: 'recursive', equations } : { form: 'closed' }) }));
    return;
  }
  if (recursive) {
    io.out(`# written out, the formula has more than ${MAX_PRINTED_TREE} nodes; recursive form (z, a per layer):\n`);
    for (const e of forward) io.out(`${e.lhs} = ${toText(named(e.rhs))}\n`);
  }
  for (const o of outputs) io.out(`${o.name} = ${o.text}\n`);
}

function networkGrad(specText: string, opts: GradOptions, io: Io): void {
  const form = choiceOption('--form', opts.form ?? 'closed', ['closed', 'backprop']);
  if (opts.vars !== undefined) throw new UsageError('--vars is for expressions; for a network use --params');
  if (opts.notation !== undefined) throw new UsageError('--notation with grad is for networks of letter sizes (p-M-1); formula and derive take it for concrete ones');
  if (opts.data !== undefined && form === 'backprop') throw new UsageError('--data needs --form closed: the δ-recursion is written for one data point');
  const net = buildNetwork(readSpec(specText));
  const params = opts.params !== undefined ? nameListOption('--params', opts.params) : [...net.params];
  const data = opts.data !== undefined ? readCsv(readInput(io, opts.data, 'data file', '--data'), net.spec) : undefined;
  const lossNode = data !== undefined ? datasetLoss(net, data) : net.loss;
  // validates the names, even for --form backprop
  const closed = data !== undefined ? datasetGradient(net, data, params) : gradientEquations(net, params);
  const loss = { text: toText(lossNode), latex: toLatex(lossNode) };
  const sizes = { forwardDagSize: dagSize(lossNode), gradientDagSize: dagSize(lossNode, ...closed.values()) };
  if (form === 'closed') {
    const big = params.find((p) => !printable(closed.get(p)!));
    if (big !== undefined)
      throw new UsageError(
        `closed form of dL/d${big} has ${treeSize(closed.get(big)!)} nodes written out, past the print budget of ${MAX_PRINTED_TREE}: use --form backprop`,
      );
    const gradient: Record<string, { text: string; latex: string }> = {};
    for (const p of params) gradient[p] = { text: toText(closed.get(p)!), latex: toLatex(closed.get(p)!) };
    if (opts.json) io.out(json({ params, loss, gradient, ...sizes }));
    else {
      io.out(`L = ${loss.text}\n`);
      for (const p of params) io.out(`dL/d${p} = ${gradient[p]!.text}\n`);
    }
    return;
  }
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

interface GradOptions {
  notation?: string;
  data?: string;
  form?: string;
  params?: string;
  vars?: string;
  json?: boolean;
}

/** `closedform formula SPEC`: the outputs of a network as closed formulas. */
export const registerFormula: Register = (program, io) =>
  program
    .command('formula')
    .description('the exact formula of each network output, with named weights')
    .argument('<spec>', 'network spec WIDTHS[:ACTIVATIONS][:OPTIONS], e.g. 3-2-1:relu,identity:nobias, or a JSON object')
    .option('--notation <names>', "standard (w{l}_{i}_{j}) or seed004 (β⁽ˡ⁾ⱼₘ: j the input, m the unit; implies the rows layout)")
    .option('--json', 'machine-readable output')
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
    .action((spec: string, opts: { json?: boolean; notation?: string }) => formula(spec, opts, io));

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
