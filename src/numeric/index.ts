/** Public exports of the numeric module (re-exported by src/index.ts). */
export { NumericError, mathjsActivation, type CompiledActivation } from './mathjs.js';
export {
  type Params,
  type Rng,
  seededRng,
  checkEngineSpec,
  paramNames,
  paramsFromPoint,
  pointFromParams,
  flattenParams,
  unflattenParams,
  randomParams,
  zeroParams,
} from './params.js';
export {
  type Sample,
  type ForwardPass,
  type Backprop,
  forward,
  outputs,
  loss,
  datasetLoss,
  backprop,
  gradientVector,
  finiteDifferenceGradient,
  centralDifferences,
  FD_STEP,
  entries,
} from './engine.js';
export { gradientStep, gradientDescent, hessian, symmetricEigenvalues, type Descent } from './train.js';
