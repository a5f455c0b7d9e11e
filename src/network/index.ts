/** Public exports of the network module (re-exported by src/index.ts). */
export {
  SpecError,
  MAX_PARAMETERS,
  MAX_LAYERS,
  DEFAULT_ACTIVATIONS,
  parameterCount,
  parseSpec,
  specFromJson,
  readSpec,
  formatSpec,
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
export {
  type BackpropEquation,
  gradientEquations,
  backpropEquations,
  closeEquations,
  equationText,
  equationLatex,
  zName,
  aName,
  deltaName,
} from './gradient.js';
export { neuronLatex, vectorizedLatex, backpropMatrixLatex } from './latex.js';
