/** Public exports of the numeric module (re-exported by src/index.ts). */
export { NumericError, mathjsActivation, type CompiledActivation } from './mathjs.js';
export {
  type EngineParams,
  type Rng,
  seededRng,
  checkEngineSpec,
  engineParamNames,
  paramsFromPoint,
  pointFromParams,
  flattenParams,
  unflattenParams,
  randomParams,
  zeroParams,
} from './params.js';
export {
  type Sample,
  samplesFromDataset,
  type ForwardPass,
  type Backprop,
  engineForward,
  engineOutputs,
  engineLoss,
  engineDatasetLoss,
  engineBackprop,
  engineGradient,
  finiteDifferenceGradient,
  centralDifferences,
  FD_STEP,
  columnEntries,
} from './engine.js';
export { gradientStep, gradientDescent, hessian, symmetricEigenvalues, type Descent } from './train.js';
export { type DifferenceCheck, ACTIVATION_ULPS, DIFFERENCE_TOLERANCE_BASIS, compareWithDifferences, lossRoundingBound } from './fdcheck.js';
export {
  checkNetwork,
  type CheckOptions,
  type CheckReport,
  type CheckRow,
  SYMBOLIC_TOLERANCE,
  FINITE_DIFFERENCE_TOLERANCE,
  KINK_MARGIN,
  MAX_RESAMPLES,
  MAX_CHECK_POINTS,
  MAX_FD_COORDINATES,
} from './check.js';
