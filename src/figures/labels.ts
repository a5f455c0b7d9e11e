/**
 * The notation figures write, in Unicode (an SVG text has no LaTeX): the same names as the
 * derivation's equations, in the spec's convention.
 *
 * - `layer` (seed 002): inputs xⱼ, neurons a⁽ˡ⁾ᵢ, outputs fₖ, weight w⁽ˡ⁾ᵢⱼ into neuron i of
 *   layer l from neuron j of layer l−1, bias b⁽ˡ⁾ᵢ.
 * - `rows` (seed 004, H = σ(XW⁽¹⁾ + b⁽¹⁾)): inputs xⱼ, hidden units hₘ (h⁽ˡ⁾ₘ with several hidden
 *   layers), output z (zₖ with several), weight W⁽ˡ⁾ⱼₘ — the entry in row j, column m of W⁽ˡ⁾,
 *   which is w⁽ˡ⁾ₘⱼ of the layer convention and seed 004's β⁽ˡ⁾ⱼₘ — and bias b⁽ˡ⁾ₘ.
 * Indices are written together when all are single digits (w⁽¹⁾₂₁), with a comma otherwise.
 */
import type { NetworkSpec } from '../network/spec.js';
import { FigureError } from './errors.js';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 12 → '₁₂' */
export const subscript = (n: number): string => [...String(n)].map((d) => SUB[Number(d)]).join('');
/** 2 → '⁽²⁾' (a layer index) */
export const layerSup = (l: number): string => `⁽${[...String(l)].map((d) => SUP[Number(d)]).join('')}⁾`;

/** Subscript indices: together when all are single digits, else comma-separated. */
const indices = (...ns: number[]): string => (ns.every((n) => n < 10) ? ns.map(subscript).join('') : ns.map(subscript).join(','));

/** A parameter name taken apart: `w2_1_3` (into 1 of layer 2 from 3) or `b1_2`. */
export type ParamParts = { readonly kind: 'w'; readonly l: number; readonly i: number; readonly j: number } | { readonly kind: 'b'; readonly l: number; readonly i: number };

/**
 * The parts of a parameter name of the network module (`w{l}_{i}_{j}`, `b{l}_{i}`).
 *
 * @example
 * ```ts
 * paramParts('w2_1_3'); // { kind: 'w', l: 2, i: 1, j: 3 }
 * ```
 */
export function paramParts(name: string): ParamParts {
  const w = /^w(\d+)_(\d+)_(\d+)$/.exec(name);
  if (w) return { kind: 'w', l: Number(w[1]), i: Number(w[2]), j: Number(w[3]) };
  const b = /^b(\d+)_(\d+)$/.exec(name);
  if (b) return { kind: 'b', l: Number(b[1]), i: Number(b[2]) };
  throw new FigureError(`'${name}' is not a parameter name (w{l}_{i}_{j} or b{l}_{i})`);
}

/**
 * A parameter in the figure's notation.
 *
 * @example
 * ```ts
 * paramLabel(parseSpec('3-4-1:identity'), 'w1_2_3');      // 'w⁽¹⁾₂₃'
 * paramLabel(parseSpec('3-4-1:identity:rows'), 'w1_2_3'); // 'W⁽¹⁾₃₂' (row 3, column 2 of W⁽¹⁾)
 * ```
 */
export function paramLabel(spec: NetworkSpec, name: string): string {
  const p = paramParts(name);
  if (p.kind === 'b') return `b${layerSup(p.l)}${subscript(p.i)}`;
  return spec.convention === 'rows' ? `W${layerSup(p.l)}${indices(p.j, p.i)}` : `w${layerSup(p.l)}${indices(p.i, p.j)}`;
}

/**
 * Neuron i (1-based) of layer l (0 = the inputs) in the figure's notation.
 *
 * @example
 * ```ts
 * neuronLabel(parseSpec('3-4-1:identity:rows'), 1, 2); // 'h₂'
 * neuronLabel(parseSpec('3-4-1:identity'), 1, 2);      // 'a⁽¹⁾₂'
 * ```
 */
export function neuronLabel(spec: NetworkSpec, l: number, i: number): string {
  const L = spec.widths.length - 1;
  if (l === 0) return `x${subscript(i)}`;
  if (spec.convention === 'rows') {
    if (l === L) return spec.widths[L] === 1 ? 'z' : `z${subscript(i)}`;
    return L === 2 ? `h${subscript(i)}` : `h${layerSup(l)}${subscript(i)}`;
  }
  return l === L ? `f${subscript(i)}` : `a${layerSup(l)}${subscript(i)}`;
}
