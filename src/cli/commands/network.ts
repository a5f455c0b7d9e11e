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
  readSpec,
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

/**
 * Most nodes a formula may have written out as a tree to be printed as one closed formula. Text
 * is ~10 characters per tree node, so this is ~1 MB of text: past any reading. Larger outputs are
 * printed in their recursive form; larger closed gradients are refused with a hint.
 */
export const MAX_PRINTED_TREE = 100_000n;

const printable = (e: Node): boolean => treeSize(e) <= MAX_PRINTED_TREE;

/** The forward recursion z, a of a network (the first equations of the backprop list). */
const forwardEquations = (net: Network): BackpropEquation[] => backpropEquations(net).filter((e) => e.kind === 'z' || e.kind === 'a');

function formula(specText: string, opts: { json?: boolean }, io: Io): void {
  const net = buildNetwork(readSpec(specText));
  const L = net.spec.widths.length - 1;
  const recursive = !net.outputs.every(printable);
  // Too big to print closed: f_k is shown as the right-hand side of a{L}_k = σ(z{L}_k), with the
  // forward equations z, a of every layer listed alongside.
  const forward = recursive ? forwardEquations(net) : [];
  const outputs = net.outputs.map((f, k) => {
    const shown = recursive ? forward.find((e) => e.lhs === aName(L, k + 1))!.rhs : f;
    return { name: outputName(k + 1), text: toText(shown), latex: toLatex(shown), dagSize: dagSize(f), treeSize: treeSize(f).toString() };
  });
  if (opts.json) {
    const equations = forward.map((e) => ({ lhs: e.lhs, text: toText(e.rhs), latex: toLatex(e.rhs) }));
    io.out(json({ params: net.params, inputs: net.inputs, outputs, ...(recursive ? { form: 'recursive', equations } : { form: 'closed' }) }));
    return;
  }
  if (recursive) {
    io.out(`# written out, the formula has more than ${MAX_PRINTED_TREE} nodes; recursive form (z, a per layer):\n`);
    for (const e of forward) io.out(`${equationText(e)}\n`);
  }
  for (const o of outputs) io.out(`${o.name} = ${o.text}\n`);
}

function networkGrad(specText: string, opts: GradOptions, io: Io): void {
  const form = choiceOption('--form', opts.form ?? 'closed', ['closed', 'backprop']);
  if (opts.vars !== undefined) throw new UsageError('--vars is for expressions; for a network use --params');
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
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nSpec: widths n0-n1-…-nL; activations: one name, two (hidden,output) or one per layer\n' +
        '(default sigmoid,identity); options: nobias, half (loss ½Σ(f−y)²), rows (H = σ(XW₁ + b₁)).\n' +
        `Names: w{l}_{i}_{j} (${symbolLatex('w1_2_3')}), b{l}_{i}, inputs x{j}, targets y{k}, outputs f{k}.\n` +
        'Example:\n  closedform formula 1-2-1:quadratic --json\n',
    )
    .action((spec: string, opts: { json?: boolean }) => formula(spec, opts, io));

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
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  closedform grad 3-2-1:relu,identity:nobias\n  closedform grad 3-2-3-4:arctan_sigmoid:half --form backprop\n' +
        '  closedform grad "(w*x + b - y)^2" --vars w,b --json\n',
    )
    .action((target: string, opts: GradOptions) => {
      if (looksLikeSpec(target)) return networkGrad(target, opts, io);
      if (opts.form !== undefined || opts.params !== undefined || opts.data !== undefined)
        throw new UsageError(`--form, --params and --data need a network spec, not the expression ${quote(target)}`);
      exprGrad(target, opts, io);
    });
