/**
 * One-input networks: the data points, the exact least-squares optimum and a gradient-descent
 * fit, as curves of x. The curves are the compiled output formulas evaluated at the parameter
 * points (the exact optimum's point — least squares attained, or the best ReLU pattern — and the
 * descent result); when the optimum over span{φ} is not reached by any point found, its function
 * Σ c*ₖ φₖ(x) is drawn instead and said to be a bound. One panel per output.
 */
import * as Plot from '@observablehq/plot';
import { qtoNumber } from '../expr/rational.js';
import { compileMany } from '../print/compile.js';
import type { Dataset } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import type { Analysis } from '../analysis/analyze.js';
import { FigureError } from './errors.js';
import { neuronLabel } from './labels.js';
import { type LandscapeContext, landscapeContext, num4, vectorOf } from './points.js';
import { type Figure, figure } from './svg.js';

/** Points per curve. */
export const FIT_POINTS = 241;

/** One drawn curve: `exact` optimum or `descent` fit, output k (0-based). */
export interface FitCurve {
  readonly kind: 'exact' | 'descent';
  readonly label: string;
  readonly output: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

export interface FitData {
  readonly spec: NetworkSpec;
  /** the data, as doubles: x and the targets */
  readonly points: readonly { readonly x: number; readonly y: readonly number[] }[];
  readonly curves: readonly FitCurve[];
  /** why no exact curve is drawn, when none is */
  readonly noExact?: string;
}

export interface FitOptions {
  readonly analysis?: Analysis;
  readonly seed?: number;
  readonly context?: LandscapeContext;
}

/**
 * The curves of a one-input network's fit.
 *
 * @example
 * ```ts
 * const d = fitData(parseSpec('1-1:identity'), data, { analysis });
 * d.curves.map((c) => c.kind); // ['exact', 'descent']
 * ```
 */
export function fitData(spec: NetworkSpec, data: Dataset, opts: FitOptions = {}): FitData {
  if (spec.widths[0] !== 1) throw new FigureError(`a fit figure draws one-input networks; ${spec.widths.join('-')} has ${spec.widths[0]} inputs`);
  const ctx = opts.context ?? landscapeContext(spec, data, { ...(opts.analysis !== undefined ? { analysis: opts.analysis } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const net = ctx.net;
  const a = opts.analysis;
  const points = ctx.samples.map((s) => ({ x: s.x[0]!, y: s.y }));
  const lo = Math.min(...points.map((p) => p.x));
  const hi = Math.max(...points.map((p) => p.x));
  const pad = Math.max(0.1 * (hi - lo), hi === lo ? 1 : 0);
  const xs = Array.from({ length: FIT_POINTS }, (_, i) => lo - pad + (i * (hi - lo + 2 * pad)) / (FIT_POINTS - 1));
  const f = compileMany(net.outputs, [...net.inputs, ...net.params]);
  const at = (point: Readonly<Record<string, number>>): number[][] => {
    const v = Float64Array.from([0, ...vectorOf(point, net.params)]);
    return xs.map((x) => {
      v[0] = x;
      return [...f(v)];
    });
  };
  const curves: FitCurve[] = [];
  const add = (kind: FitCurve['kind'], label: string, ys: number[][]): void => {
    for (let k = 0; k < net.outputs.length; k++) curves.push({ kind, label, output: k, xs, ys: ys.map((r) => r[k]!) });
  };
  let noExact: string | undefined;
  const ls = a?.leastSquares;
  if (ls?.attained.kind === 'point') add('exact', `exact least-squares optimum, L = ${num4(qtoNumber(ls.loss))}`, at(Object.fromEntries([...ls.attained.point].map(([k, v]) => [k, qtoNumber(v)]))));
  else if (ls !== undefined && a?.collapse !== undefined) {
    const col = a.collapse;
    // f*ₖ(x) = Σ c*ᵢ x^eᵢ over the features of output k: the best function of the span, not reached
    add(
      'exact',
      `least-squares optimum over span{φ} (a bound: not reached by a point found), L = ${num4(qtoNumber(ls.loss))}`,
      xs.map((x) => net.outputs.map((_, k) => col.features.reduce((s, ft, i) => (ft.output === k ? s + qtoNumber(ls.coefficients[i]!) * x ** ft.exps[0]! : s), 0))),
    );
  } else if (a?.relu?.best !== undefined) add('exact', `exact optimum over ReLU activation patterns, L = ${num4(qtoNumber(a.relu.best.loss))}`, at(Object.fromEntries(Object.entries(a.relu.best.point).map(([k, v]) => [k, qtoNumber(v)]))));
  else noExact = a === undefined ? 'no analysis was given' : a.class.kind === 'transcendental' ? 'the network is transcendental: no exact optimum exists to draw' : 'the analysis found no exact optimum';
  add('descent', `gradient descent, L = ${num4(ctx.descent.best)} (best of ${ctx.descent.starts} starts)`, at(ctx.descent.bestPoint));
  return { spec, points, curves, ...(noExact !== undefined ? { noExact } : {}) };
}

/**
 * The fit figure of computed curves.
 *
 * @example
 * ```ts
 * fitFigure(fitData(spec, data, { analysis })).svg;
 * ```
 */
export function fitFigure(d: FitData, opts: { readonly width?: number } = {}): Figure {
  const outputs = d.spec.widths.at(-1)!;
  const name = (k: number): string => neuronLabel(d.spec, d.spec.widths.length - 1, k + 1);
  const rows = d.curves.flatMap((c) => c.xs.map((x, i) => ({ x, y: c.ys[i]!, kind: c.kind, output: name(c.output) }))).filter((r) => Number.isFinite(r.y));
  const dots = d.points.flatMap((p) => p.y.map((y, k) => ({ x: p.x, y, output: name(k) })));
  const exact = d.curves.find((c) => c.kind === 'exact');
  const descent = d.curves.find((c) => c.kind === 'descent')!;
  const title = `Fit of the ${d.spec.widths.join('-')} network to ${d.points.length} data points`;
  const description =
    `The ${d.points.length} data points (black dots, x against the target${outputs > 1 ? `s, one panel per output` : ''}) with ` +
    (exact !== undefined ? `the ${exact.label} (solid blue curve) and ` : '') +
    `the ${descent.label} (dashed orange curve), each drawn from the compiled output formula at ${descent.xs.length} values of x from ${num4(descent.xs[0]!)} to ${num4(descent.xs.at(-1)!)}.` +
    (d.noExact !== undefined ? ` No exact curve: ${d.noExact}.` : '');
  const fy = outputs > 1 ? { fy: 'output' } : {};
  const marks: Plot.Markish[] = [
    Plot.line(
      rows.filter((r) => r.kind === 'exact'),
      { x: 'x', y: 'y', ...fy, stroke: '#2f5d8a', strokeWidth: 2.2, ariaDescription: 'exact optimum' },
    ),
    Plot.line(
      rows.filter((r) => r.kind === 'descent'),
      { x: 'x', y: 'y', ...fy, stroke: '#d0731d', strokeWidth: 2, strokeDasharray: '6,4', ariaDescription: 'gradient-descent fit' },
    ),
    Plot.dot(dots, { x: 'x', y: 'y', ...fy, r: 3.5, fill: '#111111', title: (p: { x: number; y: number }) => `data point x = ${num4(p.x)}, y = ${num4(p.y)}`, ariaDescription: 'data points' }),
  ];
  // a key in the top left corner, drawn with the same marks (Plot's own legends are HTML)
  const key = [
    ...(exact !== undefined ? [{ text: `— ${exact.label}`, fill: '#2f5d8a' }] : []),
    { text: `- - ${descent.label}`, fill: '#d0731d' },
  ];
  const width = opts.width ?? 640;
  return figure('fit', title, description, {
    width,
    height: outputs > 1 ? 140 + 200 * outputs : 360,
    marginTop: 16 + 14 * key.length,
    marginLeft: 56,
    marginRight: outputs > 1 ? 40 : 20,
    x: { label: 'input x₁ →', labelAnchor: 'right' },
    y: { label: outputs > 1 ? '↑ output' : `↑ ${name(0)}, y₁`, grid: true },
    ...(outputs > 1 ? { fy: { label: null } } : {}),
    marks: [
      ...marks,
      ...key.map((k, i) => Plot.text([k], { facet: 'super', frameAnchor: 'top-left', dy: -14 * (key.length - i) + 2, text: 'text', fill: k.fill, textAnchor: 'start', fontSize: 11, ariaDescription: 'key' })),
    ],
  });
}

/**
 * The fit figure of a one-input network on a data set.
 *
 * @example
 * ```ts
 * import { fitFigureOf } from 'closedform';
 * fitFigureOf(spec, data, { analysis }).svg;
 * ```
 */
export function fitFigureOf(spec: NetworkSpec, data: Dataset, opts: FitOptions = {}): Figure {
  return fitFigure(fitData(spec, data, opts));
}
