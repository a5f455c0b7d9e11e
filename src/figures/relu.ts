/**
 * The pictures of the exact ReLU analysis (analysis/relu-regions.ts, relu-report.ts):
 * - the linear regions of a two-input network over a box, one filled polygon per activation
 *   region, coloured by its pattern (regions with the same pattern never occur twice: a pattern
 *   owns at most one convex polygon), the data points on top;
 * - gradient descent against the exact global optimum is the descent figure (descent.ts) with
 *   the optimum the analysis certified as its horizontal line ({@link reluOptimumValue}).
 * The polygons' vertices are exact rationals in the analysis; the drawing converts them to
 * doubles (correctly rounded), which is all a picture needs.
 */
import * as Plot from '@observablehq/plot';
import { qtoNumber, qtoString } from '../expr/rational.js';
import type { Analysis } from '../analysis/analyze.js';
import type { Regions } from '../analysis/relu-regions.js';
import type { NetworkSpec } from '../network/spec.js';
import { FigureError } from './errors.js';
import { type Figure, figure } from './svg.js';

/** Twelve distinguishable fills; a pattern's colour is its position in the sorted list of patterns. */
const FILLS = ['#8fb3d9', '#f2b880', '#a6d49f', '#d9a6cf', '#c9c9c9', '#e8d27a', '#8fd4d0', '#e09a9a', '#b7a6e0', '#d6b48f', '#9fc7a1', '#f0a8c0'];

/** A region's pattern as text: the on-units of each hidden layer, `{1,3}|{2}`. */
export const patternText = (pattern: readonly (readonly number[])[]): string => pattern.map((s) => `{${s.join(',')}}`).join('|');

/**
 * The linear regions as a figure: one closed filled path per region (each drawn once, in the
 * regions' order), and, when given, the data points.
 *
 * @example
 * ```ts
 * const g = linearRegions(parseSpec('2-4-1:relu,identity:nobias'), point, { lo: [Q(-1), Q(-1)], hi: [Q(1), Q(1)] });
 * regionsFigure(parseSpec('2-4-1:relu,identity:nobias'), g).kind; // 'relu-regions'
 * ```
 */
export function regionsFigure(spec: NetworkSpec, g: Regions, opts: { readonly width?: number; readonly points?: readonly (readonly [number, number])[] } = {}): Figure {
  if (g.regions.length === 0) throw new FigureError('no region to draw');
  const rows = g.regions.flatMap((r, i) => [...r.polygon, r.polygon[0]!].map((v) => ({ x: qtoNumber(v[0]), y: qtoNumber(v[1]), region: i, pattern: patternText(r.pattern) })));
  const b = g.box;
  const box = `[${qtoString(b.lo[0])}, ${qtoString(b.hi[0])}] × [${qtoString(b.lo[1])}, ${qtoString(b.hi[1])}]`;
  const title = `Linear regions of the ${spec.widths.join('-')} network over ${box}: ${g.regions.length} activation region${g.regions.length === 1 ? '' : 's'}`;
  const description =
    `Each filled polygon is one activation region (the set of inputs where the same hidden units are on), coloured by its pattern; its exact vertices are in the analysis. ` +
    `${g.regions.length} regions, ${g.pieces} linear piece${g.pieces === 1 ? '' : 's'} once neighbours with the same affine function are merged; the bound over the whole plane is ${g.bound} (${g.boundName}). ` +
    `Patterns (on-units per hidden layer): ${g.regions.map((r) => patternText(r.pattern)).join(', ')}.` +
    (opts.points !== undefined && opts.points.length > 0 ? ` The ${opts.points.length} data points are drawn as dots.` : '');
  const fill = (i: number): string => FILLS[i % FILLS.length]!;
  const marks: Plot.Markish[] = [
    Plot.line(rows, {
      x: 'x',
      y: 'y',
      z: 'region',
      fill: (r: { region: number }) => fill(r.region),
      stroke: '#333333',
      strokeWidth: 0.8,
      curve: 'linear',
      title: (r: { pattern: string; region: number }) => `region ${r.region + 1}: on ${r.pattern}, area ${qtoString(g.regions[r.region]!.area)}`,
      ariaDescription: 'region',
    }),
  ];
  if (opts.points !== undefined && opts.points.length > 0)
    marks.push(Plot.dot(opts.points.map(([x, y]) => ({ x, y })), { x: 'x', y: 'y', r: 3, fill: '#111111', ariaDescription: 'data points' }));
  return figure('relu-regions', title, description, {
    width: opts.width ?? 520,
    height: 480,
    marginLeft: 56,
    x: { domain: [qtoNumber(b.lo[0]), qtoNumber(b.hi[0])], label: 'x1 →', labelAnchor: 'right' },
    y: { domain: [qtoNumber(b.lo[1]), qtoNumber(b.hi[1])], label: '↑ x2' },
    marks,
  });
}

/**
 * The exact global optimum the analysis certified, as a double, with its name; undefined when it
 * has none (no solver applied, or only bounds).
 *
 * @example
 * ```ts
 * reluOptimumValue(analyze(parseSpec('1-2-1:relu,identity'), { data }))?.name; // 'exact global optimum'
 * ```
 */
export function reluOptimumValue(analysis: Analysis): { readonly value: number; readonly name: string } | undefined {
  const rx = analysis.relu?.exact;
  if (rx === undefined) return undefined;
  if (rx.optimum.kind === 'solved') return { value: qtoNumber(rx.optimum.loss), name: 'exact global optimum' };
  if (rx.upperBound?.optimal === true) return { value: qtoNumber(rx.upperBound.loss), name: 'exact global optimum' };
  return undefined;
}
