/**
 * Public exports of the network module (re-exported by src/index.ts).
 *
 * Conventions: weights `w{l}_{i}_{j}` (into neuron i of layer l from neuron j of layer l−1,
 * 1-based), biases `b{l}_{i}`, inputs `x{j}`, targets `y{k}`, outputs printed as `f{k}`; the
 * backprop recursion names `z{l}_{i}`, `a{l}_{i}` (a0_j is x_j) and `delta{l}_{i}` = ∂L/∂z;
 * symbolic data points `x{j}_{p}`, `y{k}_{p}`. The `rows` convention keeps the same symbols and
 * only transposes the matrices in printed equations.
 */
export {
  SpecError,
  MAX_PARAMETERS,
  MAX_LAYERS,
  DEFAULT_ACTIVATIONS,
  parameterCount,
  parseSpec,
  specFromJson,
  readSpec,
  looksLikeSpec,
  formatSpec,
  RESERVED_SIZE_NAMES,
  parseSizedSpec,
  sizedSpecFromJson,
  readSizedSpec,
} from './parse.js';
export {
  type Network,
  type Dataset,
  DatasetError,
  MAX_DATASET_NODES_ESTIMATE,
  buildNetwork,
  parameterNames,
  layerActivation,
  lossFactor,
  weightName,
  biasName,
  inputName,
  targetName,
  outputName,
  datasetLoss,
  symbolicDatasetLoss,
} from './build.js';
export { MAX_CSV_ROWS, readCsv } from './csv.js';
export { type Json, JsonError, MAX_JSON_DEPTH, readJson } from './json.js';
export {
  type BackpropEquation,
  gradientEquations,
  datasetGradient,
  backpropEquations,
  closeEquations,
  recursionSubstitution,
  equationText,
  equationLatex,
  zName,
  aName,
  deltaName,
} from './gradient.js';
export { neuronLatex, vectorizedLatex, backpropMatrixLatex } from './latex.js';
export type { Notation, Size } from './indexed.js';
export {
  type SizeTerm,
  type SymbolicModel,
  type IdentityCollapse,
  type CollapseBlock,
  parameterCountFormula,
  formatSizePolynomial,
  evaluateSizePolynomial,
  symbolicModel,
  seed004Names,
} from './sizes.js';
export { type RenderedModel, renderSymbolicModel } from './sizes-render.js';
