/**
 * `formula` and `grad --form backprop` for networks of letter sizes (`p-M-1`): the equations of the
 * symbolic model (src/network/sizes.ts) in text, or in JSON with text and LaTeX side by side.
 */
import { type Notation, type RenderedModel, type SymbolicSpec, renderSymbolicModel, symbolicModel } from '../../node/index.js';
import { type Io, UsageError, json } from '../io.js';
import { choiceOption } from '../options.js';

/** `--notation standard|seed004`. */
export const notationOption = (text: string | undefined): Notation => choiceOption('--notation', text ?? 'standard', ['standard', 'seed004']);

/** A network spec with letter widths: `p-M-1`, `n0-n1-n2-1:relu,identity` (at least one letter among the widths). */
export const LETTER_SPEC = /^\s*[A-Za-z0-9]+(\s*-\s*[A-Za-z0-9]+)+(:.*)?\s*$/s;

const both = (text: readonly string[], latex: readonly string[]): { text: string; latex: string }[] => text.map((t, i) => ({ text: t, latex: latex[i]! }));

function rendered(spec: SymbolicSpec, notation: Notation): [RenderedModel, RenderedModel] {
  const model = symbolicModel(spec, notation);
  return [renderSymbolicModel(model, 'text'), renderSymbolicModel(model, 'latex')];
}

/** The lines of the header every symbolic output starts with. */
function header(t: RenderedModel): string {
  return (
    `# ${t.widths} with letter widths (${t.letters.join(', ')}): equations for every size; ${t.convention} layout, ${t.notation} names\n` +
    `# parameters: ${t.parameterCount}\n`
  );
}

/** The collapse of an identity network, as text lines. */
function collapseText(t: RenderedModel): string {
  const c = t.collapse;
  if (c === undefined) return '';
  let s = '# identity activations: the network is linear regression, derived by matrix algebra\n';
  for (const b of c.blocks) {
    s += `${b.lhs}\n`;
    for (const r of b.rows) s += `  = ${r.rhs}    [${r.rule}]\n`;
  }
  s += `beta = ${c.beta}\n${c.beta0 !== undefined ? `beta0 = ${c.beta0}\n` : ''}# established ${c.how}\n`;
  return s;
}

function collapseJson(t: RenderedModel, l: RenderedModel): object {
  const c = t.collapse;
  const d = l.collapse;
  if (c === undefined || d === undefined) return {};
  return {
    collapse: {
      blocks: c.blocks.map((b, i) => ({ lhs: { text: b.lhs, latex: d.blocks[i]!.lhs }, rows: b.rows.map((r, k) => ({ text: r.rhs, latex: d.blocks[i]!.rows[k]!.rhs, rule: r.rule })) })),
      beta: { text: c.beta, latex: d.beta },
      ...(c.beta0 !== undefined ? { beta0: { text: c.beta0, latex: d.beta0! } } : {}),
      how: c.how,
    },
  };
}

const base = (t: RenderedModel, l: RenderedModel): object => ({
  widths: t.widths,
  letters: t.letters,
  symbolic: true,
  notation: t.notation,
  convention: t.convention,
  parameterCount: t.parameterCount,
  parameterCountLatex: l.parameterCount,
});

/** `formula p-M-1`: per-neuron equations, the vectorised forms, the collapse of an identity network. */
export function symbolicFormula(spec: SymbolicSpec, opts: { json?: boolean; notation?: string }, io: Io): void {
  const [t, l] = rendered(spec, notationOption(opts.notation));
  if (opts.json) {
    io.out(json({ ...base(t, l), neurons: both(t.neurons, l.neurons), units: both(t.units, l.units), data: both(t.data, l.data), ...collapseJson(t, l) }));
    return;
  }
  io.out(header(t));
  io.out(`# per neuron (indexed sums)\n${t.neurons.join('\n')}\n`);
  io.out(`# vectorised over units: one data point x, no sum${t.convention === 'rows' ? '' : ' (W is n_l x n_{l-1})'}\n${t.units.join('\n')}\n`);
  io.out(`# vectorised over data points: the rows of X, b added to every row, no loop\n${t.data.join('\n')}\n`);
  io.out(collapseText(t));
}

/** `grad p-M-1 --form backprop`: the forward and backward recursion per index and as matrices. */
export function symbolicGrad(spec: SymbolicSpec, opts: { json?: boolean; notation?: string; form?: string; params?: string; data?: string; vars?: string }, io: Io): void {
  const form = choiceOption('--form', opts.form ?? 'backprop', ['closed', 'backprop']);
  const letters = spec.widths.filter((w) => typeof w === 'string');
  if (form === 'closed')
    throw new UsageError(`width '${String(letters[0])}' is a letter: the closed gradient needs concrete sizes (e.g. ${spec.widths.map((w) => (typeof w === 'number' ? w : 3)).join('-')}); use --form backprop for every size`);
  if (opts.params !== undefined || opts.data !== undefined) throw new UsageError('--params and --data need concrete widths: the letter-size recursion is written for every parameter and one data point');
  if (opts.vars !== undefined) throw new UsageError('--vars is for expressions; for a network use --params');
  const [t, l] = rendered(spec, notationOption(opts.notation));
  if (opts.json) {
    io.out(json({ ...base(t, l), form: 'backprop', forward: both(t.forward, l.forward), backprop: both(t.backprop, l.backprop), backpropMatrix: both(t.backpropMatrix, l.backpropMatrix) }));
    return;
  }
  io.out(header(t));
  io.out(`# forward\n${t.forward.join('\n')}\n`);
  io.out(`# backward: delta = dL/dz per index${spec.loss === 'half-squared' ? ' (loss ½Σ(f−y)²)' : ''}\n${t.backprop.join('\n')}\n`);
  io.out(`# backward as matrices (one data point; .* is the entrywise product)\n${t.backpropMatrix.join('\n')}\n`);
}
