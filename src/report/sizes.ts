/**
 * The derivation page of a network of letter sizes (`p-M-1`): the symbolic model of
 * src/network/sizes.ts as document steps — the parameter count as a formula, the per-neuron
 * equations, the vectorised forms over units and over data points (seed 004 §10.2–10.3), the
 * backprop equations per index and as matrices, and for identity activations the derivation of
 * β and β₀ by matrix identities, with a sentence on how it is established.
 */
import { renderSymbolicModel, symbolicModel, type Notation, type RenderedModel } from '../network/index.js';
import type { SymbolicSpec } from '../network/spec.js';
import { type Derivation, type Row, type Step, display, heading, m, note, prose } from './document.js';

/** `lhs = rhs` split at its first ` = ` into a display row. */
function split(eq: string): Row {
  const at = eq.indexOf(' = ');
  return at < 0 ? { lhs: '', rhs: [eq] } : { lhs: eq.slice(0, at), rhs: [eq.slice(at + 3)] };
}

/** A rule of the collapse as LaTeX: the identities are math, words go in \text (σ as math inside it). */
function ruleLatex(rule: string): string {
  if (/^[()A-Z +=]+$/.test(rule.split(',')[0]!) && !rule.startsWith('definition')) {
    const [identity, ...rest] = rule.split(', ');
    return `\\qquad ${identity}${rest.length > 0 ? `\\text{, ${rest.join(', ')}}` : ''}`;
  }
  return `\\qquad \\text{${rule.replace(/σ/g, '$\\sigma$')}}`;
}

function collapseSteps(r: RenderedModel): Step[] {
  const c = r.collapse;
  if (c === undefined) return [];
  const rows: Row[] = [];
  for (const b of c.blocks)
    b.rows.forEach((row, i) => rows.push({ lhs: i === 0 ? b.lhs : '', rhs: [`${row.rhs}${ruleLatex(row.rule)}`] }));
  const rowsLayout = r.convention === 'rows';
  const target = rowsLayout ? `z = \\mathbf{x}^{\\top} \\boldsymbol{\\beta} + \\beta_0` : `f = \\boldsymbol{\\beta}^{\\top} \\mathbf{x} + \\beta_0`;
  return [
    heading('Identity activations: linear regression'),
    prose(
      'With σ(x) = x every layer is an affine map, and a composition of affine maps is affine. Layer by layer, each line below is one matrix identity, valid for matrices of any conformable sizes:',
    ),
    display(rows),
    prose('Comparing with the linear regression model ', m(target), ' gives, for every value of the letters,'),
    display([{ lhs: rowsLayout ? '\\boldsymbol{\\beta}' : '\\boldsymbol{\\beta}^{\\top}', rhs: [c.beta] }, ...(c.beta0 !== undefined ? [{ lhs: '\\beta_0', rhs: [c.beta0] }] : [])]),
    note('info', `How this is established: ${c.how}.`),
  ];
}

/**
 * The derivation document of a network of letter sizes.
 *
 * @example
 * ```ts
 * const d = deriveSymbolicNetwork(parseSizedSpec('p-M-1:identity:rows').spec as SymbolicSpec, 'seed004');
 * d.title; // 'The network p-M-1 for every size'
 * ```
 */
export function deriveSymbolicNetwork(spec: SymbolicSpec, notation: Notation = 'standard'): Derivation {
  const r = renderSymbolicModel(symbolicModel(spec, notation), 'latex');
  const rowsLayout = r.convention === 'rows';
  const acts = [...new Set(spec.activations)].join(', ');
  const steps: Step[] = [
    heading('Architecture'),
    prose(
      `Widths ${r.widths} with the letters ${r.letters.join(', ')} standing for any sizes; activations ${acts}; loss `,
      m(spec.loss === 'half-squared' ? 'L = \\tfrac12 \\sum_k (f_k - y_k)^2' : 'L = \\sum_k (f_k - y_k)^2'),
      `; ${rowsLayout ? 'the rows layout of seed 004 (a data point is a row of X, W⁽ˡ⁾ has one row per unit of the layer below)' : 'the layer layout (W⁽ˡ⁾ has one row per unit of its layer)'}; ${notation === 'seed004' ? "seed 004's names (β⁽ˡ⁾ⱼₘ multiplies unit j of the layer below in unit m, β⁽ˡ⁾₀ₘ is its offset)" : 'names w⁽ˡ⁾ᵢⱼ into unit i from unit j, offsets b⁽ˡ⁾ᵢ'}.`,
    ),
    prose('Each weight matrix has one entry per pair of units of adjacent layers and each layer one offset per unit, so the number of parameters is'),
    display([{ lhs: 'P', rhs: [r.parameterCount] }]),
    heading('Per neuron'),
    display(r.neurons.map(split)),
    heading('Vectorised over units'),
    prose('One data point, with no explicit sum Σ and no loop over the units', rowsLayout ? ' (seed 004, eq. 10.8):' : ':'),
    display(r.units.map(split)),
    heading('Vectorised over data points'),
    prose('The data points as the rows of ', m('\\mathbf{X}'), '; the offset row is added to every row (broadcasting), with no loop over the points', rowsLayout ? ' (seed 004, eq. 10.13):' : ':'),
    display(r.data.map(split)),
    heading('Backpropagation'),
    prose('With the arguments of σ and ', m('\\delta = \\partial L / \\partial z'), ' per unit, for one data point:'),
    display(r.forward.map(split)),
    display(r.backprop.map(split)),
    prose('The same recursion with matrices (⊙ the entrywise product):'),
    display(r.backpropMatrix.map(split)),
    ...collapseSteps(r),
    note(
      'info',
      'General sizes: this page has no numeric check, for there are no numbers to put in. The library instantiates each form above at concrete sizes and the test suite compares it with the concrete network (its formula, its backprop recursion and its gradient by reverse mode); derive a concrete size such as ',
      spec.widths.map((w) => (typeof w === 'number' ? w : 3)).join('-'),
      ' for a checked page.',
    ),
  ];
  return { title: `The network ${r.widths} for every size`, subtitle: `closedform: general sizes, ${notation} notation`, steps };
}
