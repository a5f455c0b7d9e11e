/** Public exports of the figures module (re-exported by src/api.ts). */
export { FigureError } from './errors.js';
export { type FigureKind, type Figure, renderPlot } from './svg.js';
export { type ParamParts, paramParts, paramLabel, neuronLabel } from './labels.js';
export { type NetworkNode, type NetworkLink, type NetworkLayout, MAX_NETWORK_LINKS, MAX_LABELLED_LINKS, networkLayout, networkFigure } from './network.js';
export { type KnownPoint, type LandscapeContext, CRITICAL_GRADIENT_TOLERANCE, landscapeContext } from './points.js';
export { type SlicePoint, type SliceData, type SliceOptions, SLICE_GRID, defaultSliceParams, sliceData, sliceFigure, lossSliceFigure } from './slice.js';
export { type LineEnd, type LineData, type LineOptions, LINE_POINTS, lineData, lineFigure, lossLineFigure } from './line.js';
export { type FitCurve, type FitData, type FitOptions, FIT_POINTS, fitData, fitFigure, fitFigureOf } from './fit.js';
export { type DescentData, type DescentOptions, descentData, descentFigure, descentFigureOf } from './descent.js';
export { patternText, regionsFigure, reluOptimumValue } from './relu.js';
