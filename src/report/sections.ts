/**
 * The parts of a network derivation, one function per section, each turning results of the
 * library into steps. Formulas too large to read are shown in their recursive form with their
 * size stated, never cut.
 */
import { getActivation } from '../activations/registry.js';
import { HEAVISIDE_AT_ZERO } from '../activations/heaviside.js';
import type { Activation } from '../activations/activation.js';
import { type Node, add, mul, num, pow, sub, sym } from '../expr/node.js';
import { qtoString } from '../expr/rational.js';
import { dagSize, treeSize } from '../expr/walk.js';
import { symbolLatex, toLatex } from '../print/latex.js';
import {
  type Dataset,
  type Network,
  backpropEquations,
  backpropMatrixLatex,
  vectorizedLatex,
  layerActivation,
  lossFactor,
  outputName,
  parameterCount,
  weightName,
} from '../network/index.js';
import type { CheckReport } from '../numeric/index.js';
import { type Inline, type Row, type Step, display, heading, m, note, prose, table } from './document.js';
import { equationRow, isEquation, row, rowFits } from './rows.js';
import { polynomialSteps } from './polynomial.js';
import type { AnalysisSummary } from './summary.js';

/**
 * Largest tree size (nodes written out) shown as a full formula. A tree of 240 nodes prints as
 * about 8–10 display lines of {@link LINE_WIDTH_BUDGET}: still readable and checkable by hand;
 * past it the formula is shown by its recursive definitions and its size is stated.
 */
export const FORMULA_TREE_BUDGET = 240n;

/** Most data points listed in the data table (the loss still sums all of them). */
export const MAX_TABLE_ROWS = 20;

/** Matrices of at most this many rows and columns are written out entry by entry. */
const MAX_MATRIX_SIDE = 4;

const partialLatex = (p: string): string => `\\frac{\\partial L}{\\partial ${symbolLatex(p)}}`;
const fmtSize = (n: bigint): string => n.toLocaleString('en-US');

/** Distinct activations of a network, with the layers using each. */
function activationsOf(net: Network): Map<Activation, number[]> {
  const out = new Map<Activation, number[]>();
  net.spec.activations.forEach((_, l) => {
    const a = layerActivation(net.spec, l + 1);
    out.set(a, [...(out.get(a) ?? []), l + 1]);
  });
  return out;
}

export function architectureSection(net: Network): Step[] {
  const { widths, bias } = net.spec;
  const L = widths.length - 1;
  const per = widths.slice(1).map((n, l) => n * (widths[l]! + (bias[l] ? 1 : 0)));
  const steps: Step[] = [
    heading('Architecture'),
    prose(
      `A dense network with ${widths[0]} input${widths[0] === 1 ? '' : 's'}, `,
      L > 1 ? `${L - 1} hidden layer${L > 2 ? 's' : ''} of width ${widths.slice(1, -1).join(', ')}, ` : 'no hidden layer, ',
      `and ${widths[L]} output${widths[L] === 1 ? '' : 's'}. The weight `,
      m(symbolLatex(weightName(1, 1, 1)).replace(/1\)/, '\\ell)').replace('1,1', 'i,j')),
      ' goes into neuron ',
      m('i'),
      ' of layer ',
      m('\\ell'),
      ' from neuron ',
      m('j'),
      ' of layer ',
      m('\\ell - 1'),
      net.spec.convention === 'rows' ? '; matrices are laid out as rows (the transposed layout of seed 004).' : '.',
    ),
    table(
      [['layer ', m('\\ell')], ['neurons ', m('n_\\ell')], ['activation'], ['bias'], ['parameters']],
      widths.slice(1).map((n, l) => [[`${l + 1}`], [`${n}`], [layerActivation(net.spec, l + 1).title], [bias[l] ? 'yes' : 'no'], [`${per[l]}`]]),
    ),
    prose('The number of parameters is ', m('P = \\sum_{\\ell} n_\\ell\\,(n_{\\ell-1} + [\\text{bias}_\\ell])'), ':'),
    display([
      {
        lhs: 'P',
        rhs: [`${widths.slice(1).map((n, l) => `${n} \\cdot ${bias[l] ? `(${widths[l]} + 1)` : widths[l]}`).join(' + ')} = ${parameterCount(net.spec)}`],
      },
    ]),
    prose('The activations and their derivatives:'),
  ];
  const z = sym('z');
  for (const [act, layers] of activationsOf(net)) {
    const [lhs, rhs] = splitDefinition(act.definitionLatex);
    steps.push(
      display(
        [
          { lhs, rhs: [rhs] },
          { lhs: lhs.replace('(z)', "'(z)"), rhs: [toLatex(act.derivative(z))] },
        ],
        `${act.title} (layer${layers.length > 1 ? 's' : ''} ${layers.join(', ')})`,
      ),
    );
  }
  if ([...activationsOf(net).keys()].some((a) => a.structure.kind === 'piecewise'))
    steps.push(
      note(
        'info',
        'At a breakpoint a piecewise activation has no derivative; closedform uses the Heaviside step with ',
        m(`H(0) = ${HEAVISIDE_AT_ZERO}`),
        ' everywhere (symbolic, exact and numeric), so ',
        m("\\operatorname{ReLU}'(0) = 0"),
        '. The numeric check draws its points away from the breakpoints.',
      ),
    );
  return steps;
}

/** `\sigma(z) = \frac{1}{…}` → [`\sigma(z)`, `\frac{1}{…}`], split at the first top-level `=`. */
function splitDefinition(def: string): [string, string] {
  const at = def.indexOf('=');
  return at < 0 ? ['\\sigma(z)', def] : [def.slice(0, at).trim(), def.slice(at + 1).trim()];
}

export function forwardSection(net: Network): Step[] {
  const L = net.spec.widths.length - 1;
  const eqs = backpropEquations(net).filter((e) => e.kind === 'z' || e.kind === 'a');
  const steps: Step[] = [
    heading('Forward equations'),
    prose('Neuron by neuron, with ', m('a^{(0)}_{j} = x_{j}'), ' the inputs: the pre-activation ', m('z'), ' is the weighted sum plus the bias, and the activation applies ', m('\\sigma_\\ell'), '.'),
  ];
  for (let l = 1; l <= L; l++)
    steps.push(display(eqs.filter((e) => e.layer === l).map((e) => row(symbolLatex(e.lhs), e.rhs)), `layer ${l}`));
  steps.push(heading('Vectorised', 2));
  const rows = net.spec.convention === 'rows';
  const vec = vectorizedLatex(net.spec);
  steps.push(
    prose(
      rows ? 'In the row layout (data points as the rows of ' : 'As vectors and matrices (',
      m(rows ? '\\mathbf{X}' : '\\mathbf{a}^{(0)} = \\mathbf{x}'),
      rows ? ', as in seed 004), ' : '), ',
      'with each activation applied entry by entry:',
    ),
    display(vec.filter(isEquation).map(equationRow), 'vectorised forward pass'),
    ...vec.filter((e) => !isEquation(e)).map((e) => prose('where ', m(e), '.')),
  );
  if (net.spec.widths.every((n) => n <= MAX_MATRIX_SIDE)) {
    const mats: Row[] = [];
    for (let l = 1; l <= L; l++) mats.push({ lhs: `\\mathbf{W}^{(${l})}`, rhs: [matrixLatex(net, l, rows)] });
    steps.push(prose('Written out, the weight matrices are:'), display(mats, 'weight matrices'));
  }
  return steps;
}

function matrixLatex(net: Network, l: number, transposed: boolean): string {
  const n = net.spec.widths[l]!;
  const k = net.spec.widths[l - 1]!;
  const entry = (i: number, j: number): string => symbolLatex(weightName(l, i, j));
  const lines = transposed
    ? Array.from({ length: k }, (_, j) => Array.from({ length: n }, (_, i) => entry(i + 1, j + 1)).join(' & '))
    : Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, j) => entry(i + 1, j + 1)).join(' & '));
  // 4pt between rows: entries carry a superscript and a subscript each and would touch
  return `\\begin{pmatrix} ${lines.join(' \\\\[4pt] ')} \\end{pmatrix}`;
}

/**
 * A formula, or when its tree is past the budget, a note with its size and the recursive form.
 * `name` says what the formula is (text and inline math), for the label and the note.
 */
function formulaOrRecursive(lhs: string, e: Node, name: readonly Inline[], recursive: Row[]): Step[] {
  const size = treeSize(e);
  const full = size <= FORMULA_TREE_BUDGET ? row(lhs, e) : undefined;
  if (full !== undefined && rowFits(full)) return [display([full], [...name, ` · a tree of ${fmtSize(size)} nodes`])];
  const why =
    full === undefined
      ? `past the budget of ${fmtSize(FORMULA_TREE_BUDGET)} for a readable formula`
      : 'and even broken over lines it is wider than the page (a part that cannot break, such as a long denominator, is too wide)';
  return [
    note('info', 'Written out in full, ', ...name, ` is a tree of ${fmtSize(size)} nodes (${dagSize(e).toLocaleString('en-US')} distinct nodes as a DAG), ${why}; it is given by its recursive form instead.`),
    display(recursive, [...name, ' · recursive form']),
  ];
}

const inlinePartial = (p: string, of = 'L'): Inline => m(`\\partial ${of} / \\partial ${symbolLatex(p)}`);

export function outputsSection(net: Network): Step[] {
  const L = net.spec.widths.length - 1;
  const steps: Step[] = [
    heading('The formula of each output'),
    prose('Substituting the forward equations into each other gives every output as one formula in the inputs and the parameters.'),
  ];
  net.outputs.forEach((f, k) => {
    const name = outputName(k + 1);
    steps.push(...formulaOrRecursive(symbolLatex(name), f, ['output ', m(symbolLatex(name))], [{ lhs: symbolLatex(name), rhs: [symbolLatex(`a${L}_${k + 1}`)] }]));
  });
  return steps;
}

export function lossSection(net: Network): Step[] {
  const c = lossFactor(net.spec);
  const short = mul(num(c), add(...net.targets.map((y, k) => pow(sub(sym(outputName(k + 1)), sym(y)), 2))));
  return [
    heading('Loss'),
    prose(`The loss of one data point is the ${c.d === 1n ? 'squared error' : 'half squared error'}:`),
    display([{ lhs: 'L', rhs: [toLatex(short)] }], 'loss of one data point'),
    ...formulaOrRecursive('L', net.loss, ['the loss ', m('L'), ' in the parameters'], [{ lhs: 'L', rhs: [toLatex(short)] }]),
  ];
}

export function backpropSection(net: Network): Step[] {
  const L = net.spec.widths.length - 1;
  const eqs = backpropEquations(net);
  const steps: Step[] = [
    heading('Backpropagation'),
    prose(
      'Write ',
      m('\\delta^{(\\ell)}_{i} = \\partial L / \\partial z^{(\\ell)}_{i}'),
      '. The chain rule, applied from the output layer down, gives the recursion and every partial derivative from it:',
    ),
  ];
  for (let l = L; l >= 1; l--) {
    const rows = eqs
      .filter((e) => e.layer === l && (e.kind === 'delta' || e.kind === 'grad'))
      .map((e) => row(e.kind === 'grad' ? partialLatex(e.lhs) : symbolLatex(e.lhs), e.rhs));
    steps.push(display(rows, `layer ${l}`));
  }
  const mat = backpropMatrixLatex(net.spec);
  steps.push(
    prose('In matrix form, with ', m('\\odot'), ' the entrywise and ', m('\\otimes'), ' the outer product:'),
    display(mat.filter(isEquation).map(equationRow), 'backpropagation, matrix form'),
  );
  return steps;
}

export function partialsSection(net: Network, partials: ReadonlyMap<string, Node>, all: boolean): Step[] {
  const eqs = backpropEquations(net);
  const steps: Step[] = [
    heading('Closed-form partial derivatives'),
    prose(
      all ? 'Every' : `The ${partials.size} chosen`,
      ' partial derivative of the loss, fully substituted, from one reverse sweep over the loss DAG (all ',
      `${net.params.length}`,
      ' partials together share ',
      `${dagSize(net.loss, ...partials.values())}`,
      ' distinct nodes with the loss):',
    ),
  ];
  for (const [p, d] of partials) {
    const rec = eqs.find((e) => e.kind === 'grad' && e.lhs === p)!;
    steps.push(...formulaOrRecursive(partialLatex(p), d, [inlinePartial(p)], [row(partialLatex(p), rec.rhs)]));
  }
  return steps;
}

export function dataSection(net: Network, data: Dataset, total: Node, g: ReadonlyMap<string, Node>): Step[] {
  const n = data.inputs.length;
  const shown = Math.min(n, MAX_TABLE_ROWS);
  const header: Inline[][] = [['point'], ...net.inputs.map((x) => [m(symbolLatex(x))]), ...net.targets.map((y) => [m(symbolLatex(y))])];
  const rows = Array.from({ length: shown }, (_, p) => [[`${p + 1}`], ...[...data.inputs[p]!, ...data.targets[p]!].map((q) => [m(qtoString(q).replace(/^(-?\d+)\/(\d+)$/, '\\tfrac{$1}{$2}'))])] as Inline[][]);
  const steps: Step[] = [
    heading('Over the data set'),
    prose(`The data set has ${n} point${n === 1 ? '' : 's'}`, shown < n ? ` (the first ${shown} are listed)` : '', '; the values enter exactly, as rationals.'),
    table(header, rows),
    display([{ lhs: 'L_{\\text{data}}', rhs: [`\\sum_{p=1}^{${n}} L\\left(\\mathbf{x}_{p}, \\mathbf{y}_{p}\\right)`] }], 'loss over the data set'),
    ...formulaOrRecursive('L_{\\text{data}}', total, ['the loss over the data ', m('L_{\\text{data}}'), ' in the parameters'], [{ lhs: 'L_{\\text{data}}', rhs: [`\\sum_{p=1}^{${n}} L\\left(\\mathbf{x}_{p}, \\mathbf{y}_{p}\\right)`] }]),
  ];
  for (const [p, d] of g) {
    const lhs = `\\frac{\\partial L_{\\text{data}}}{\\partial ${symbolLatex(p)}}`;
    steps.push(...formulaOrRecursive(lhs, d, [inlinePartial(p, 'L_{\\text{data}}')], [{ lhs, rhs: [`\\sum_{p=1}^{${n}} ${partialLatex(p)}\\Big|_{\\mathbf{x}_{p}, \\mathbf{y}_{p}}`] }]));
  }
  return steps;
}

/**
 * The verdict as a page shows it: the headline, then the findings as a list (a table: the fact,
 * the stage that established it, exact or numeric), then what was not established and why.
 */
export function verdictSteps(analysis: AnalysisSummary): Step[] {
  const steps: Step[] = [heading('Verdict', 2), note('info', ...analysis.verdict)];
  const facts = analysis.facts ?? [];
  if (facts.length > 0) steps.push(table([['finding'], ['established by'], ['how']], facts.map((f) => [f.fact, [f.stage], [f.basis]])));
  const gaps = analysis.gaps ?? [];
  if (gaps.length > 0) steps.push(table([['not established'], ['stage'], ['status']], gaps.map((f) => [f.fact, [f.stage], [f.basis]])));
  return steps;
}

/** The analysis, when supplied; otherwise what the activation registry says of each layer. */
export function analysisSection(net: Network, analysis: AnalysisSummary | undefined): Step[] {
  const steps: Step[] = [heading('Special cases and solvability')];
  if (analysis !== undefined) {
    steps.push(prose('Model class — ', ...analysis.modelClass));
    if (analysis.degree) steps.push(prose('Degree — ', ...analysis.degree));
    if (net.spec.activations.every((a) => getActivation(a)!.structure.kind === 'polynomial')) steps.push(...polynomialSteps(net));
    if (analysis.collapse) steps.push(prose('Collapsed form — ', ...analysis.collapse));
    steps.push(...(analysis.steps ?? []), ...verdictSteps(analysis));
    return steps;
  }
  const structures = net.spec.activations.map((name, l) => {
    const s = getActivation(name)!.structure;
    const what: Inline[] =
      s.kind === 'polynomial' ? [`polynomial of degree ${s.degree}`] : s.kind === 'piecewise' ? [`piecewise polynomial: ${s.pieces} pieces of degrees ${s.degrees.join(', ')}, breaks at z = ${s.breakpoints.join(', ')}`] : [`transcendental: ${s.reason}`];
    return [[`${l + 1}`], [name], what];
  });
  steps.push(table([['layer'], ['activation'], ['structure']], structures));
  const kinds = net.spec.activations.map((a) => getActivation(a)!.structure);
  if (kinds.every((s) => s.kind === 'polynomial')) {
    const deg = kinds.reduce((d, s) => d * (s.kind === 'polynomial' ? s.degree : 1), 1);
    steps.push(
      prose('Every activation is a polynomial, so each output is a polynomial in the inputs of degree at most ', m(kinds.map((s) => (s.kind === 'polynomial' ? s.degree : 1)).join(' \\cdot ') + ` = ${deg}`), ', and the critical points of the loss solve a system of polynomial equations.'),
      ...polynomialSteps(net),
    );
  } else if (kinds.some((s) => s.kind === 'transcendental'))
    steps.push(prose('A transcendental activation makes the loss a transcendental function of the parameters: setting the gradient to zero gives no polynomial system.'));
  else steps.push(prose('The activations are piecewise polynomial: on each region of activation patterns the network is a polynomial, solved region by region.'));
  steps.push(note('info', 'The solvability analysis (collapse, function-space dimension, critical points, verdict) was not run for this document.'));
  return steps;
}

const sci = (x: number): string => {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return '\\infty';
  const [mant, ex] = x.toExponential(1).split('e');
  return `${mant} \\times 10^{${Number(ex)}}`;
};

/** The check's names in the document's notation: `f1` → f₁, `loss` → L, `dloss/dw1_2_1` → ∂L/∂w⁽¹⁾₂,₁. */
function checkedQuantity(what: string): Inline[] {
  const d = /^dloss\/d([A-Za-z0-9_]+)$/.exec(what);
  if (d) return [m(`\\partial L / \\partial ${symbolLatex(d[1]!)}`)];
  if (what === 'loss') return ['loss ', m('L')];
  if (/^f\d+$/.test(what)) return ['output ', m(symbolLatex(what))];
  return [what];
}

export function checkSection(check: CheckReport): Step[] {
  return [
    heading('Numeric check'),
    prose(
      `Every formula above was compiled and evaluated at ${check.points} random points (seed ${check.seed}; ${check.distribution}`,
      check.resampled > 0 ? `; ${check.resampled} points near a kink were redrawn` : '',
      '), and compared with an independent matrix implementation of the forward pass and backpropagation on mathjs. Errors are relative to ',
      m('\\max(1, |v|)'),
      '.',
    ),
    table(
      [['quantity'], ['max relative error'], ['tolerance'], ['agrees']],
      check.rows.map((r) => [checkedQuantity(r.what), [m(sci(r.maxRelError))], [m(sci(r.tolerance))], [r.ok ? 'yes' : 'NO']]),
    ),
    check.ok
      ? note('info', `All ${check.rows.length} quantities agree with the numeric engine within tolerance.`)
      : note('warning', `${check.rows.filter((r) => !r.ok).length} of ${check.rows.length} quantities disagree with the numeric engine: the derivation above is not confirmed.`),
  ];
}
