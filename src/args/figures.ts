/**
 * The public figures API with its arguments checked at the door (see check.ts). The figures check
 * their own numeric options (FigureError: a grid, a number of steps, unknown parameters); the
 * door checks types and shapes, so nothing reaches them that would throw a TypeError.
 */
import * as Labels from '../figures/labels.js';
import * as Net from '../figures/network.js';
import * as Points from '../figures/points.js';
import * as Slice from '../figures/slice.js';
import * as Line from '../figures/line.js';
import * as Fit from '../figures/fit.js';
import * as Descent from '../figures/descent.js';
import * as Svg from '../figures/svg.js';
import * as Relu from '../figures/relu.js';
import type { NetworkSpec } from '../network/spec.js';
import { type Arg, any, arg, arr, finite, func, guard, int, isPlainObject, MAX_LENGTH, name, node, opt, options, recordOf, shape, str, typed } from './check.js';
import { dataset, network, sample, spec } from './data.js';
import { analysisResult } from './results.js';

export * from '../figures/index.js';

const number: Arg = arg('a number', (x) => typeof x === 'number');
const width = opt(arg('a width in pixels from 100 to 10 000', (x) => typeof x === 'number' && x >= 100 && x <= 10_000));
const figureOptions: Arg = opt(options({ width }));
const knownPoint: Arg = shape('a known point {point, type, loss, gradientNorm}', { point: recordOf(number), type: str, loss: number, gradientNorm: number });
/** A landscape context (from landscapeContext): the fields the figures read. */
const context: Arg = shape('a landscape context (from landscapeContext)', {
  spec,
  net: network,
  data: dataset,
  samples: arr(sample),
  lossNode: node,
  loss: func,
  critical: arr(knownPoint),
});
const analysis = opt(analysisResult);
const seed = opt(number);
const plotOptions: Arg = arg('Observable Plot options (an object)', (x) => isPlainObject(x));

export const paramParts = guard('paramParts', Labels.paramParts, { name: str });
export const paramLabel = guard('paramLabel', Labels.paramLabel, { spec, name: str });
export const neuronLabel = guard('neuronLabel', Labels.neuronLabel, { spec, l: int(0, 64), i: int(1, MAX_LENGTH) }, (a: readonly unknown[]) => {
  const w = (a[0] as NetworkSpec).widths;
  const l = a[1] as number;
  if (l >= w.length) return ['l', `is ${l}, but the spec has layers 0 to ${w.length - 1}`];
  return (a[2] as number) <= w[l]! ? undefined : ['i', `is ${a[2]}, but layer ${l} has ${w[l]} neurons`];
});
export const networkLayout = guard('networkLayout', Net.networkLayout, { spec });
export const networkFigure = guard('networkFigure', Net.networkFigure, { spec, opts: figureOptions });
export const landscapeContext = guard('landscapeContext', Points.landscapeContext, { spec, data: dataset, opts: opt(options({ analysis, seed })) });
export const defaultSliceParams = guard('defaultSliceParams', Slice.defaultSliceParams, {
  ctx: shape('a landscape context', { net: shape('{params}', { params: arr(name, MAX_LENGTH) }) }),
}, (a: readonly unknown[]) => ((a[0] as { net: { params: unknown[] } }).net.params.length >= 2 ? undefined : ['ctx', 'has fewer than two parameters: a slice needs two']));
const sliceOptions: Arg = opt(options({ params: opt(arr(name)), analysis, seed, grid: opt(number), base: opt(recordOf(number)), context: opt(context) }));
export const sliceData = guard('sliceData', Slice.sliceData, { spec, data: dataset, opts: sliceOptions });
export const sliceFigure = guard('sliceFigure', Slice.sliceFigure, {
  d: shape('slice data (from sliceData)', {
    spec,
    params: arr(name, 2),
    base: knownPoint,
    aRange: arr(finite, 2),
    bRange: arr(finite, 2),
    as: arr(finite),
    bs: arr(finite),
    values: typed('Float64Array'),
    points: arr(any),
    outside: number,
    flat: number,
  }),
  opts: figureOptions,
});
export const lossSliceFigure = guard('lossSliceFigure', Slice.lossSliceFigure, { spec, data: dataset, opts: sliceOptions });
const lineOptions: Arg = opt(options({ from: opt(recordOf(number)), to: opt(recordOf(number)), analysis, seed, points: opt(number), context: opt(context) }));
const lineEnd: Arg = shape('a line end {point, label}', { point: recordOf(number), label: str });
export const lineData = guard('lineData', Line.lineData, { spec, data: dataset, opts: lineOptions });
export const lineFigure = guard('lineFigure', Line.lineFigure, {
  d: shape('line data (from lineData)', { spec, from: lineEnd, to: lineEnd, ts: arr(finite), losses: arr(number) }),
  opts: figureOptions,
});
export const lossLineFigure = guard('lossLineFigure', Line.lossLineFigure, { spec, data: dataset, opts: lineOptions });
const fitOptions: Arg = opt(options({ analysis, seed, context: opt(context) }));
export const fitData = guard('fitData', Fit.fitData, { spec, data: dataset, opts: fitOptions });
export const fitFigure = guard('fitFigure', Fit.fitFigure, {
  d: shape('fit data (from fitData)', { spec, points: arr(shape('a point {x, y}', { x: finite, y: arr(number) })), curves: arr(any) }),
  opts: figureOptions,
});
export const fitFigureOf = guard('fitFigureOf', Fit.fitFigureOf, { spec, data: dataset, opts: fitOptions });
const descentOptions: Arg = opt(options({ seed, starts: opt(number), steps: opt(number), analysis }));
export const descentData = guard('descentData', Descent.descentData, { spec, data: dataset, opts: descentOptions });
export const descentFigure = guard('descentFigure', Descent.descentFigure, {
  d: shape('descent data (from descentData)', { spec, seed: number, steps: number, losses: arr(arr(number)), optimum: opt(number) }),
  opts: figureOptions,
});
export const descentFigureOf = guard('descentFigureOf', Descent.descentFigureOf, { spec, data: dataset, opts: descentOptions });
const regionsArg: Arg = shape('linear regions (from linearRegions)', { box: shape('a box {lo, hi}', { lo: arr(any, 2), hi: arr(any, 2) }), regions: arr(shape('a region {pattern, polygon, area, affine}', { pattern: arr(arr(number)), polygon: arr(arr(any, 2)), area: any, affine: arr(any) })), pieces: number, bound: arg('a bigint', (x) => typeof x === 'bigint'), boundName: str });
export const regionsFigure = guard('regionsFigure', Relu.regionsFigure, { spec, g: regionsArg, opts: opt(options({ width, points: opt(arr(arr(finite, 2))) })) });
export const patternText = guard('patternText', Relu.patternText, { pattern: arr(arr(number)) });
export const reluOptimumValue = guard('reluOptimumValue', Relu.reluOptimumValue, { analysis: analysisResult });
export const renderPlot = guard('renderPlot', Svg.renderPlot, {
  options: plotOptions,
  meta: shape('figure metadata {kind, title, description}', { kind: str, title: str, description: str }),
  inset: opt(shape('an inset {options, x, y}', { options: plotOptions, x: finite, y: finite })),
});
