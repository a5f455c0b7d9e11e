/** Public exports of the analysis module (re-exported by src/index.ts). */
export { AnalysisError } from './errors.js';
export { type QMatrix, type NodeMatrix, type LinearSolution, rankQ, solveQ, transpose, matMulQ, matPowQ, inverseQ, identityQ, eqQ, matMulNodes, cayleyOrthogonal } from './linalg.js';
export { rng as analysisRng, randomRational, randomPoint } from './random.js';
export { type Degrees, type NetworkClass, classify, outputDegrees, layerStructures } from './classify.js';
export { weightMatrix, biasColumn, inputColumn } from './names.js';
export { type LinearCollapse, linearCollapse, isLinearSpec } from './linear.js';
export { type LinearDelta, type SymmetricPowerCheck, linearDelta, symmetricPowerCheck } from './recursion.js';
export { type Feature, type Collapse, RANK_TRIALS, collapse, jacobianAt, jacobianByGradient, polyAt } from './collapse.js';
export { type LeastSquares, PREIMAGE_TRIALS, leastSquares, affineParams } from './leastsq.js';
export { type DescentSummary, type PointCheck, type DescentProbe, DESCENT_STEPS, DESCENT_STARTS, PROBE_RADII, PROBE_DIRECTIONS, descend, checkPoint, probeDescent } from './numeric.js';
export {
  type Regularisation,
  type CriticalType,
  type CriticalPoint,
  type CriticalPoints,
  MAX_CRITICAL_UNKNOWNS,
  MAX_BEZOUT,
  CRITICAL_MILLIS,
  l2Coefficients,
  regularisedLoss,
  classifyEigenvalues,
  criticalPoints,
} from './critical.js';
export { type PatternResult, type ReluAnalysis, MAX_PATTERNS, thresholdOnSets, reluPatterns } from './relu.js';
export { feasiblePoint } from './relu-lp.js';
export { type Chamber, type Arrangement, MAX_CHAMBERS, chambers, coverBound } from './relu-arrangement.js';
export { type ConeLeastSquares, coneLeastSquares } from './relu-qp.js';
export { type ReluOptimum, MAX_RELU_QPS, HARDNESS, reluOptimum, reluOptimumSupported } from './relu-optimum.js';
export { type ReluUpperBound, lossFloor, reluOptimumDeep, reluDeepSupported, reluUpperBoundWide } from './relu-deep.js';
export { POLISH_ROUNDS, POLISH_DENOMINATOR, reluOptimumOutputs, reluOutputsSupported, simplest } from './relu-outputs.js';
export { type Affine as RegionAffine, type Vertex as RegionVertex, type Box as RegionBox, type LinearRegion, type Regions, MAX_REGIONS, linearRegions, regionBound, dataBox, polygonText } from './relu-regions.js';
export { type ReluExact, REACHED_TOLERANCE, reluExact, descentReached, reluExactJson, regionsJson } from './relu-report.js';
export { type TaylorSurrogate, MAX_TAYLOR_ORDER, taylorPolynomial, taylorSurrogate } from './taylor.js';
export { type AnalyzeOptions, type Analysis, type LinearReport, analyze, linearReport } from './analyze.js';
export { type Basis, type Fact, type Finding, type Gap, type MinimaStatus, type Stage, type TypeCounts, type Verdict, countsText, minimaStatus, typeCounts, verdict, verdictText } from './verdict.js';
export {
  type HiddenUnit,
  type Stratum,
  type StratumStatus,
  type PointType,
  type LandscapePoint,
  type Landscape,
  MAX_LANDSCAPE_UNITS,
  LANDSCAPE_MILLIS,
  hiddenUnits,
  landscape,
  landscapeVerdict,
  bestKnownLoss,
} from './landscape.js';
export { type Definiteness, type HessianAtPoint, hessianAt, definiteness } from './hessian.js';
export { type AnalysisJson, analysisJson } from './json.js';
