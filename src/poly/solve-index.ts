/** Public exports of Gröbner bases, roots, radicals and solving (re-exported through src/poly/index.ts). */
export {
  type PolyTerm,
  type PolyTerms,
  type GroebnerBudget,
  type GroebnerOptions,
  type GroebnerBasis,
  type TermOrder,
  GROEBNER_BUDGET,
  GroebnerBudgetError,
  PolyInputError,
  groebner,
  termsToString,
} from './groebner.js';
export { MAX_QUOTIENT_DIM, QuotientBudgetError, Quotient, idealDimension, standardMonomials, solutionCount } from './groebner-quotient.js';
export {
  type QPoly,
  type ZPoly,
  squarefreeDecomposition,
  squarefreePart,
  qpolyGcd,
  qpolyMul,
  qpolyToText,
  fromRoots,
  evalQ,
} from './univariate.js';
export { type RealRoot, MAX_REFINE_STEPS, MAX_DIGITS, RootRefinementError, realRoots, isolateSquarefree, countRealRoots, sturmSequence, refine, rootDecimal, decimal, intervalText } from './roots.js';
export { type RadicalRoot, SQRT_TRIAL_LIMIT, rootsByRadicals, sqrtQ } from './radicals.js';
export { type SolveOptions, type SolveResult, type RealSolution, SEPARATING_TRIES, MAX_SOLVE_DIM, solveSystem } from './solve.js';
export { systemFromNodes, parseEquations } from './solve-input.js';
export { type CoordinateForm, realSolutionForms } from './solve-forms.js';
export { type BasisCertificate, certifyBasis } from './groebner-certify.js';
