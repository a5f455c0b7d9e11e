/** Public exports of the poly module (re-exported by src/index.ts). */
export { type Layout, WORD_BITS, MonomialOverflowError, makeLayout, packExps, unpackExps, grevlexDesc } from './monomial.js';
export {
  type Poly,
  MAX_POLY_TERMS,
  MAX_PRODUCT_WORK,
  polyZero,
  polyConst,
  polyVar,
  polyTermCount,
  polyIsZero,
  polyAdd,
  polySub,
  polyNeg,
  polyCombine,
  polyScale,
  polyMul,
  polyPow,
  polyEqual,
  polyDegree,
  polyVariables,
  polyToTerms,
  polyFromTerms,
  sortedTerms,
  termCoeff,
  termExps,
} from './poly.js';
export { type ExpansionEstimate, NotPolynomialError, ExpansionTooLargeError, EXPANSION_TERM_BUDGET, MAX_EXPONENT, expand, expansionEstimate } from './expand.js';
export { type Coefficient, coefficients, degreeIn } from './coefficients.js';
export { polyToText, polyTextChunks, polyToLatex, polyToNode, monomialText, monomialLatex, termsToText, termsToLatex } from './print.js';
export { type VerifyResult, type Counterexample, type RegionCounts, VERIFY_POINTS, VERIFY_TOLERANCE, VERIFY_RANGE, verifyIdentity } from './verify.js';
export { type RegionOutcome, type RegionReport, type RegionVerdict, MAX_VERIFY_REGIONS, REGION_SAMPLES, REGION_FLOAT_POINTS, piecewiseVerdict } from './verify-regions.js';
export { constantScale, sampleBoxes, boxesText, rationalPoint, floatsDiffer } from './verify-sample.js';
export { type SignCondition, type Region, type RegionSplit, hasPiecewise, signRegions } from './regions.js';
export { type AffineForm, type Feasibility, MAX_FM_ROWS, FeasibilityBudgetError, linearFeasibility } from './polyhedron.js';
export * from './solve-index.js';
