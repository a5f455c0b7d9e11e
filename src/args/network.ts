/**
 * The public network and numeric-engine API with its arguments checked at the door (see
 * check.ts). A spec object meets the same checks and budgets as a spec given as text; engine
 * parameters must have the spec's shapes.
 */
import * as Parse from '../network/parse.js';
import * as Build from '../network/build.js';
import * as Csv from '../network/csv.js';
import * as JsonReader from '../network/json.js';
import * as Grad from '../network/gradient.js';
import * as Latex from '../network/latex.js';
import * as Sizes from '../network/sizes.js';
import * as SizesRender from '../network/sizes-render.js';
import * as Shared from '../network/shared.js';
import * as M from '../numeric/mathjs.js';
import * as Params from '../numeric/params.js';
import * as Engine from '../numeric/engine.js';
import * as Train from '../numeric/train.js';
import * as Check from '../numeric/check.js';
import * as Fd from '../numeric/fdcheck.js';
import { NumericError } from '../numeric/mathjs.js';
import type { NetworkSpec } from '../network/spec.js';
import type { EngineParams } from '../numeric/params.js';
import { type Arg, any, arg, arr, between, bool, finite, func, guard, int, mapOnly, MAX_LENGTH, name, node, oneOf, opt, options, recordOf, shape, str, typed } from './check.js';
import { dataset, network, rng, sample, seed, spec, numberMatrix, sizedSpec } from './data.js';

export * from '../network/index.js';
export * from '../numeric/index.js';

/** Layer, neuron and data-point indices are positive integers (1-based). */
const index: Arg = int(1, MAX_LENGTH);

/** Most parameters whose Hessian is formed (P × P doubles and 2P backprops: 2 000 is 32 MB and seconds). */
export const MAX_HESSIAN_PARAMETERS = 2_000;

/** A mathjs matrix (the engine's W and B). */
const matrix: Arg = arg('a mathjs matrix', (x) => {
  const m = x as { size?: unknown; get?: unknown; toArray?: unknown } | null;
  return typeof m === 'object' && m !== null && typeof m.size === 'function' && typeof m.get === 'function' && typeof m.toArray === 'function';
});
const engineParams: Arg = shape('engine parameters {W, b} (from paramsFromPoint, randomParams, zeroParams)', { W: arr(matrix), b: arr(matrix) });
const samples: Arg = arr(sample);

/** Engine parameters that fit the spec's shapes (W^ℓ n_ℓ × n_{ℓ−1}, B^ℓ n_ℓ × 1). */
const fits = (specAt: number, pAt: number, pName = 'p') => (args: readonly unknown[]): readonly [string, string] | undefined => {
  try {
    Engine.checkShapes(args[specAt] as NetworkSpec, args[pAt] as EngineParams);
  } catch (e) {
    if (e instanceof NumericError) return [pName, `does not fit the spec: ${e.message}`];
    throw e;
  }
  return undefined;
};

const number: Arg = arg('a number', (x) => typeof x === 'number');
/** A number the function itself checks further (its NumericError says what is wrong), below a budget. */
const numberUpTo = (max: number): Arg => arg(`a number (at most ${max.toLocaleString('en-US')})`, (x) => typeof x === 'number' && !(x > max));

const backpropEquation: Arg = shape('a backprop equation {kind, lhs, rhs, layer} (from backpropEquations)', {
  kind: oneOf('z', 'a', 'delta', 'grad'),
  lhs: name,
  rhs: node,
  layer: index,
});

// --- specs and networks ----------------------------------------------------------------------
export const parameterCount = guard('parameterCount', Parse.parameterCount, { spec });
export const parseSpec = guard('parseSpec', Parse.parseSpec, { text: str });
export const specFromJson = guard('specFromJson', Parse.specFromJson, { value: any });
export const readSpec = guard('readSpec', Parse.readSpec, { text: str });
export const parseSizedSpec = guard('parseSizedSpec', Parse.parseSizedSpec, { text: str });
export const sizedSpecFromJson = guard('sizedSpecFromJson', Parse.sizedSpecFromJson, { value: any });
export const readSizedSpec = guard('readSizedSpec', Parse.readSizedSpec, { text: str });
export const looksLikeSpec = guard('looksLikeSpec', Parse.looksLikeSpec, { text: str });
export const formatSpec = guard('formatSpec', Parse.formatSpec, { spec });
export const buildNetwork = guard('buildNetwork', Build.buildNetwork, { spec });
export const parameterNames = guard('parameterNames', Build.parameterNames, { spec });
export const layerActivation = guard('layerActivation', Build.layerActivation, { spec, l: index }, (a: readonly unknown[]) => {
  const L = (a[0] as NetworkSpec).widths.length - 1;
  return (a[1] as number) <= L ? undefined : ['l', `is ${a[1]}, but the spec has ${L} layer${L === 1 ? '' : 's'}`];
});
export const lossFactor = guard('lossFactor', Build.lossFactor, { spec });
export const weightName = guard('weightName', Build.weightName, { l: index, i: index, j: index });
export const biasName = guard('biasName', Build.biasName, { l: index, i: index });
export const inputName = guard('inputName', Build.inputName, { j: index });
export const targetName = guard('targetName', Build.targetName, { k: index });
export const outputName = guard('outputName', Build.outputName, { k: index });
export const datasetLoss = guard('datasetLoss', Build.datasetLoss, { net: network, data: dataset });
export const symbolicDatasetLoss = guard('symbolicDatasetLoss', Build.symbolicDatasetLoss, { net: network, n: int(0, MAX_LENGTH) });
export const readCsv = guard('readCsv', Csv.readCsv, { text: str, spec });
export const readJson = guard('readJson', JsonReader.readJson, { text: str, what: opt(str) });
export const gradientEquations = guard('gradientEquations', Grad.gradientEquations, { net: network, params: opt(arr(name)) });
export const datasetGradient = guard('datasetGradient', Grad.datasetGradient, { net: network, data: dataset, params: opt(arr(name)) });
export const backpropEquations = guard('backpropEquations', Grad.backpropEquations, { net: network });
export const closeEquations = guard('closeEquations', Grad.closeEquations, { eqs: arr(backpropEquation) });
export const recursionSubstitution = guard('recursionSubstitution', Grad.recursionSubstitution, { eqs: arr(backpropEquation) });
export const equationText = guard('equationText', Grad.equationText, { e: backpropEquation });
export const equationLatex = guard('equationLatex', Grad.equationLatex, { e: backpropEquation });
export const zName = guard('zName', Grad.zName, { l: index, i: index });
export const aName = guard('aName', Grad.aName, { l: int(0, MAX_LENGTH), i: index });
export const deltaName = guard('deltaName', Grad.deltaName, { l: index, i: index });
/** Terms of a size polynomial (from parameterCountFormula). */
const sizeTerms: Arg = arr(shape('a size term {coefficient, letters}', { coefficient: finite, letters: arr(str) }));
const notation: Arg = oneOf('standard', 'seed004');
/** A symbolic model (from symbolicModel): its spec checked, and the lists the renderer reads. */
const symbolicModelArg: Arg = shape('a symbolic model (from symbolicModel)', {
  spec: sizedSpec,
  notation,
  letters: arr(str),
  parameterCount: sizeTerms,
  neurons: arr(any),
  forward: arr(any),
  units: arr(any),
  data: arr(any),
  backprop: arr(any),
  backpropMatrix: arr(any),
});
export const parameterCountFormula = guard('parameterCountFormula', Sizes.parameterCountFormula, { spec: sizedSpec });
export const formatSizePolynomial = guard('formatSizePolynomial', Sizes.formatSizePolynomial, { terms: sizeTerms, latex: opt(bool) });
export const evaluateSizePolynomial = guard('evaluateSizePolynomial', Sizes.evaluateSizePolynomial, { terms: sizeTerms, sizes: recordOf(int(1, MAX_LENGTH)) });
export const symbolicModel = guard('symbolicModel', Sizes.symbolicModel, { specIn: sizedSpec, notation: opt(notation) });
export const seed004Names = guard('seed004Names', Sizes.seed004Names, { spec });
export const renderSymbolicModel = guard('renderSymbolicModel', SizesRender.renderSymbolicModel, { model: symbolicModelArg, format: oneOf('text', 'latex') });
export const residualName = guard('residualName', Shared.residualName, { k: index, outputs: index });
export const networkNames = guard('networkNames', Shared.networkNames, { net: network });
export const networkLetForm = guard('networkLetForm', Shared.networkLetForm, { net: network, roots: arr(node), always: opt(bool) });
export const neuronLatex = guard('neuronLatex', Latex.neuronLatex, { spec });
export const vectorizedLatex = guard('vectorizedLatex', Latex.vectorizedLatex, { spec });
export const backpropMatrixLatex = guard('backpropMatrixLatex', Latex.backpropMatrixLatex, { spec });

// --- the numeric engine ----------------------------------------------------------------------
export const mathjsActivation = guard('mathjsActivation', M.mathjsActivation, { name: str });
export const seededRng = guard('seededRng', Params.seededRng, { seed });
export const checkEngineSpec = guard('checkEngineSpec', Params.checkEngineSpec, { spec });
export const engineParamNames = guard('engineParamNames', Params.engineParamNames, { spec });
// a NaN or infinite value is the engine's to name (NumericError: 'w1_1_1' is not a finite number)
export const paramsFromPoint = guard('paramsFromPoint', Params.paramsFromPoint, { spec, point: recordOf(number) });
export const pointFromParams = guard('pointFromParams', Params.pointFromParams, { spec, p: engineParams }, fits(0, 1));
export const flattenParams = guard('flattenParams', Params.flattenParams, { spec, p: engineParams }, fits(0, 1));
export const unflattenParams = guard('unflattenParams', Params.unflattenParams, {
  spec,
  v: arg('an array of finite numbers or a Float64Array', (x) => (Array.isArray(x) || x instanceof Float64Array) && Array.prototype.every.call(x, (v: unknown) => typeof v === 'number' && Number.isFinite(v))),
});
export const randomParams = guard('randomParams', Params.randomParams, { spec, rng, scale: opt(between(0, 1e150)) });
export const zeroParams = guard('zeroParams', Params.zeroParams, { spec });
export const samplesFromDataset = guard('samplesFromDataset', Engine.samplesFromDataset, { d: dataset });
export const columnEntries = guard('columnEntries', Engine.columnEntries, { m: matrix });
export const engineForward = guard('engineForward', Engine.engineForward, { spec, p: engineParams, x: arr(finite) }, fits(0, 1));
export const engineOutputs = guard('engineOutputs', Engine.engineOutputs, { spec, p: engineParams, x: arr(finite) }, fits(0, 1));
export const engineLoss = guard('engineLoss', Engine.engineLoss, { spec, p: engineParams, s: sample }, fits(0, 1));
export const engineDatasetLoss = guard('engineDatasetLoss', Engine.engineDatasetLoss, { spec, p: engineParams, data: samples }, fits(0, 1));
export const engineBackprop = guard('engineBackprop', Engine.engineBackprop, { spec, p: engineParams, s: sample }, fits(0, 1));
export const engineGradient = guard('engineGradient', Engine.engineGradient, { spec, p: engineParams, data: samples }, fits(0, 1));
export const finiteDifferenceGradient = guard(
  'finiteDifferenceGradient',
  Engine.finiteDifferenceGradient,
  { spec, p: engineParams, data: samples, coordinates: opt(arr(int(0, MAX_LENGTH))) },
  fits(0, 1),
);
export const centralDifferences = guard('centralDifferences', Engine.centralDifferences, { theta: typed('Float64Array'), f: func, coordinates: opt(arr(int(0, MAX_LENGTH))) });
export const gradientStep = guard('gradientStep', Train.gradientStep, { spec, p: engineParams, data: samples, gamma: number }, fits(0, 1));
export const gradientDescent = guard(
  'gradientDescent',
  Train.gradientDescent,
  { spec, p: engineParams, data: samples, opts: options({ gamma: number, steps: numberUpTo(1_000_000) }) },
  fits(0, 1),
);
export const hessian = guard('hessian', Train.hessian, { spec, p: engineParams, data: samples }, (a: readonly unknown[]) => {
  const bad = fits(0, 1)(a);
  if (bad !== undefined) return bad;
  const P = Parse.parameterCount(a[0] as NetworkSpec);
  return P <= MAX_HESSIAN_PARAMETERS ? undefined : ['spec', `has ${P} parameters; the Hessian is formed for at most ${MAX_HESSIAN_PARAMETERS} (MAX_HESSIAN_PARAMETERS)`];
});
export const lossRoundingBound = guard('lossRoundingBound', Fd.lossRoundingBound, { spec, p: engineParams, s: sample }, fits(0, 1));
const numbers: Arg = arg('an array of numbers or a Float64Array', (x) => (Array.isArray(x) || x instanceof Float64Array) && Array.prototype.every.call(x, (v: unknown) => typeof v === 'number'));
export const compareWithDifferences = guard(
  'compareWithDifferences',
  Fd.compareWithDifferences,
  { g: numbers, theta: typed('Float64Array'), f: func, coordinates: arr(int(0, MAX_LENGTH)), lossError: between(0, Number.MAX_VALUE), gradientTolerance: between(0, Number.MAX_VALUE) },
  (a: readonly unknown[]) => {
    const n = (a[1] as Float64Array).length;
    if ((a[0] as ArrayLike<number>).length < n) return ['g', `has ${(a[0] as ArrayLike<number>).length} entries for ${n} coordinates of theta`];
    const bad = (a[3] as number[]).find((k) => k >= n);
    return bad === undefined ? undefined : ['coordinates', `has ${bad}, past the ${n} coordinates of theta`];
  },
);
export const symmetricEigenvalues = guard('symmetricEigenvalues', Train.symmetricEigenvalues, { H: numberMatrix });
export const checkNetwork = guard('checkNetwork', Check.checkNetwork, {
  net: network,
  options: opt(
    options({
      // checkNetwork names a fractional seed or a bad count itself (NumericError); the guard bounds the work
      seed: opt(number),
      points: opt(numberUpTo(Check.MAX_CHECK_POINTS)),
      gradient: opt(mapOnly(node)),
      backprop: opt(bool),
      finiteDifferences: opt(bool),
      onProgress: opt(func),
    }),
  ),
});
