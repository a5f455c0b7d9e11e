/**
 * The network drawn as a graph (seed 004's first exercise): inputs, hidden layers and outputs as
 * columns of neurons; one link per parameter — a weight from each neuron to each neuron of the
 * next layer, a bias from a constant-1 node at the top of the previous column — so that, as
 * seed 004's solution says, the number of links is the number of parameters, (p + 1)M + 1 + M
 * for p-M-1. Every link carries its parameter's name as a tooltip (`<title>`) and, for small
 * networks, written on the link; every layer its activation.
 */
import * as Plot from '@observablehq/plot';
import { parameterCount } from '../network/parse.js';
import { biasName, weightName } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import { FigureError } from './errors.js';
import { layerSup, neuronLabel, paramLabel, paramParts } from './labels.js';
import { type Figure, figure } from './svg.js';

/**
 * Most links drawn. Each link is a path with a tooltip, about 200 bytes of SVG: 4 000 links make
 * a figure of about 1 MB, past which a browser page with it turns sluggish and no one can follow
 * a single line anyway.
 */
export const MAX_NETWORK_LINKS = 4_000;
/** Links are labelled on the drawing only up to this many parameters (beyond, labels overlap). */
export const MAX_LABELLED_LINKS = 40;
/** …and only when no layer is wider than this. */
const MAX_LABELLED_WIDTH = 5;

export interface NetworkNode {
  /** `x1`, `n1_2` (neuron 2 of layer 1), `one0` (the constant-1 node feeding layer 1) */
  readonly id: string;
  /** the column: 0 inputs, … L outputs */
  readonly layer: number;
  readonly kind: 'input' | 'hidden' | 'output' | 'bias';
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly title: string;
}

export interface NetworkLink {
  /** the parameter's name (`w2_1_3`, `b1_2`) */
  readonly param: string;
  readonly kind: 'weight' | 'bias';
  readonly from: string;
  readonly to: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly label: string;
  readonly title: string;
}

/** The graph of a network as plain data: nodes and links with their positions (unit spacing). */
export interface NetworkLayout {
  readonly nodes: readonly NetworkNode[];
  readonly links: readonly NetworkLink[];
}

/** Vertical position of neuron i (1-based) in a column of n: centred, neuron 1 on top. */
const rowY = (n: number, i: number): number => (n + 1) / 2 - i;

/**
 * The nodes and links of a network's graph.
 *
 * @example
 * ```ts
 * const g = networkLayout(parseSpec('3-4-1'));
 * g.links.length; // 21 = parameterCount: (3 + 1)·4 + 1 + 4
 * ```
 */
export function networkLayout(spec: NetworkSpec): NetworkLayout {
  const w = spec.widths;
  const L = w.length - 1;
  const P = parameterCount(spec);
  if (P > MAX_NETWORK_LINKS) throw new FigureError(`the network ${w.join('-')} has ${P} parameters, past the ${MAX_NETWORK_LINKS} links a network figure draws (MAX_NETWORK_LINKS): draw a smaller network`);
  const biasY = (Math.max(...w) - 1) / 2 + 1.2;
  const nodes: NetworkNode[] = [];
  const at = new Map<string, NetworkNode>();
  const put = (n: NetworkNode): void => {
    nodes.push(n);
    at.set(n.id, n);
  };
  for (let l = 0; l <= L; l++) {
    const act = l === 0 ? '' : spec.activations[l - 1]!;
    for (let i = 1; i <= w[l]!; i++) {
      const label = neuronLabel(spec, l, i);
      const kind = l === 0 ? 'input' : l === L ? 'output' : 'hidden';
      const title = l === 0 ? `${label}: input ${i}` : `${label}: neuron ${i} of layer ${l} (${kind}), activation ${act}`;
      put({ id: l === 0 ? `x${i}` : `n${l}_${i}`, layer: l, kind, x: l, y: rowY(w[l]!, i), label, title });
    }
  }
  for (let l = 1; l <= L; l++)
    if (spec.bias[l - 1]) put({ id: `one${l - 1}`, layer: l - 1, kind: 'bias', x: l - 1, y: biasY, label: '1', title: `the constant 1 feeding the biases of layer ${l}` });
  const links: NetworkLink[] = [];
  const link = (param: string, kind: NetworkLink['kind'], from: string, to: string, what: string): void => {
    const a = at.get(from)!;
    const b = at.get(to)!;
    const label = paramLabel(spec, param);
    links.push({ param, kind, from, to, x1: a.x, y1: a.y, x2: b.x, y2: b.y, label, title: `${param} = ${label}: ${what} ${b.label}${kind === 'weight' ? ` from ${a.label}` : ''}` });
  };
  for (let l = 1; l <= L; l++) {
    for (let i = 1; i <= w[l]!; i++)
      for (let j = 1; j <= w[l - 1]!; j++) link(weightName(l, i, j), 'weight', l === 1 ? `x${j}` : `n${l - 1}_${j}`, `n${l}_${i}`, 'weight into');
    if (spec.bias[l - 1]) for (let i = 1; i <= w[l]!; i++) link(biasName(l, i), 'bias', `one${l - 1}`, `n${l}_${i}`, 'bias of');
  }
  return { nodes, links };
}

/**
 * Where a link's label sits, as a fraction of the way from its source: links of one source have
 * fanned out there, and links into different targets are labelled at different fractions (from
 * 0.2 for the top target to 0.6 for the bottom one) so that labels of crossing links part.
 */
function labelAt(spec: NetworkSpec, e: NetworkLink): number {
  const p = paramParts(e.param); // the link's target neuron: i of layer l
  const n = spec.widths[p.l]!;
  return n === 1 ? 0.4 : 0.2 + (0.4 * (p.i - 1)) / (n - 1);
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : w.endsWith('s') ? 'es' : 's'}`;

/** What each column is, in words, for the description. */
function columnWords(spec: NetworkSpec): string[] {
  const w = spec.widths;
  const L = w.length - 1;
  const names = (l: number): string => (w[l]! <= 4 ? Array.from({ length: w[l]! }, (_, i) => neuronLabel(spec, l, i + 1)).join(', ') : `${neuronLabel(spec, l, 1)} … ${neuronLabel(spec, l, w[l]!)}`);
  return w.map((n, l) =>
    l === 0 ? `${plural(n, 'input')} ${names(0)}` : `${l === L ? 'the output layer' : `hidden layer ${l}`} with ${plural(n, 'neuron')} ${names(l)}, activation ${spec.activations[l - 1]}${spec.bias[l - 1] ? ', with biases' : ', no biases'}`,
  );
}

/**
 * The network figure: its graph as SVG, with a title and a text description.
 *
 * @example
 * ```ts
 * import { networkFigure, parseSpec } from 'closedform';
 * const f = networkFigure(parseSpec('3-4-1:identity:rows')); // seed 004's network
 * f.svg.includes('<title'); // true
 * f.description; // 'Columns from left to right: 3 inputs x₁, x₂, x₃; …'
 * ```
 */
export function networkFigure(spec: NetworkSpec, opts: { readonly width?: number } = {}): Figure {
  const g = networkLayout(spec);
  const w = spec.widths;
  const L = w.length - 1;
  const P = g.links.length;
  const weights = g.links.filter((e) => e.kind === 'weight');
  const biases = g.links.filter((e) => e.kind === 'bias');
  const labelled = P <= MAX_LABELLED_LINKS && Math.max(...w) <= MAX_LABELLED_WIDTH;
  const top = Math.max(...g.nodes.map((n) => n.y));
  const bottom = Math.min(...g.nodes.map((n) => n.y));
  const width = opts.width ?? 640;
  // ~64 px between neurons of a column, so the circles (radius ≤ 15) and the labels have room
  const unit = Math.min(64, 560 / Math.max(1, top - bottom + 2));
  const height = Math.round(unit * (top - bottom + 2.2) + 40);
  const r = Math.max(4, Math.min(15, unit * 0.28));
  const layers = Array.from({ length: L + 1 }, (_, l) => ({
    x: l,
    y: bottom - 0.75,
    text: l === 0 ? 'inputs' : `${l === L ? 'output' : `hidden ${l}`}\nσ${layerSup(l)} = ${spec.activations[l - 1]}`,
  }));
  const conv = spec.convention === 'rows' ? "seed 004's rows convention, W⁽ˡ⁾ⱼₘ is row j, column m of W⁽ˡ⁾ (H = σ(XW⁽¹⁾ + b⁽¹⁾))" : 'the layer convention, w⁽ˡ⁾ᵢⱼ is the weight into neuron i of layer l from neuron j of layer l−1';
  const title = `The ${w.join('-')} network: ${plural(P, 'link')}, one per parameter`;
  const description =
    `Columns from left to right: ${columnWords(spec).join('; ')}. ` +
    `Each of the ${P} links is one parameter: ${plural(weights.length, 'weight')} from every neuron to every neuron of the next layer` +
    (biases.length > 0 ? ` and ${plural(biases.length, 'bias')} drawn as links from a constant-1 node at the top of the previous column` : ' (no biases)') +
    `. Notation: ${conv}.`;
  const marks: Plot.Markish[] = [
    Plot.link(weights, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: '#4a6fa5', strokeOpacity: 0.75, strokeWidth: 1.2, title: 'title', ariaDescription: 'weights' }),
    Plot.link(biases, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: '#b5651d', strokeOpacity: 0.8, strokeWidth: 1.2, strokeDasharray: '4,3', title: 'title', ariaDescription: 'biases' }),
  ];
  if (labelled)
    marks.push(
      Plot.text(g.links, {
        x: (e: NetworkLink) => e.x1 + labelAt(spec, e) * (e.x2 - e.x1),
        y: (e: NetworkLink) => e.y1 + labelAt(spec, e) * (e.y2 - e.y1),
        text: 'label',
        fontSize: 10,
        fill: (e: NetworkLink) => (e.kind === 'bias' ? '#8a4a12' : '#27446b'),
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
        ariaDescription: 'link labels',
      }),
    );
  marks.push(
    Plot.dot(g.nodes, {
      x: 'x',
      y: 'y',
      r,
      fill: (n: NetworkNode) => (n.kind === 'input' ? '#e8eef6' : n.kind === 'output' ? '#e6f2e6' : n.kind === 'bias' ? '#fbf1e6' : '#ffffff'),
      stroke: '#333333',
      title: 'title',
      ariaDescription: 'neurons',
    }),
    Plot.text(g.nodes, { x: 'x', y: 'y', text: 'label', fontSize: r >= 11 ? 11 : 8, ariaDescription: 'neuron names' }),
    Plot.text(layers, { x: 'x', y: 'y', text: 'text', fontSize: 11, lineAnchor: 'top', fill: '#444444', ariaDescription: 'layers' }),
  );
  return figure('network', title, description, {
    width,
    height,
    marginTop: 10,
    marginBottom: 10,
    marginLeft: 40,
    marginRight: 40,
    x: { axis: null, domain: [-0.15, L + 0.15] },
    y: { axis: null, domain: [bottom - 1.35, top + 0.45] },
    marks,
  });
}
