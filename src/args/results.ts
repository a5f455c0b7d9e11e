/**
 * Results of the analysis passed back in (a collapse, critical points, an analysis), checked by
 * shape: the fields the functions read, with their types. Not re-exported: the checks are for the
 * argument files beside this one.
 */
import { type Arg, any, arr, bool, finite, int, mapOnly, MAX_LENGTH, name, oneOf, opt, q, recordOf, shape, str, union, arg } from './check.js';
import { poly } from './data.js';

const vars: Arg = arr(name);
const count: Arg = int(0, MAX_LENGTH);
const number: Arg = arg('a number', (x) => typeof x === 'number');

export const feature: Arg = shape('a feature {output, monomial, exps, coeff} (from collapse)', { output: count, monomial: str, exps: arr(count), coeff: poly });
export const collapseResult: Arg = shape('a collapse (from collapse)', {
  inputs: vars,
  params: vars,
  outputs: arr(poly),
  features: arr(feature),
  K: count,
  P: count,
  rank: count,
  filling: bool,
  degree: shape('{inputs, params}', { inputs: finite, params: finite }),
});
export const criticalPoint: Arg = shape('a critical point (from criticalPoints)', { point: recordOf(str), loss: number, type: oneOf('minimum', 'saddle', 'maximum', 'degenerate') });
export const criticalPointsResult: Arg = shape('critical points (from criticalPoints or analyze)', {
  status: oneOf('solved', 'refused', 'budget'),
  unknowns: count,
  fixed: vars,
  lambda: recordOf(str),
  realSolutions: opt(arr(criticalPoint)),
});
export const leastSquaresResult: Arg = shape('a least-squares result (from leastSquares)', {
  coefficients: arr(q),
  unique: bool,
  loss: q,
  attained: union('the attained point {kind: point | none, …}', 'kind', { point: shape('{kind: point}', { point: mapOnly(q), loss: q }), none: shape('{kind: none}', { reason: str }) }),
});
export const landscapeResult: Arg = shape('a landscape (from landscape)', { strata: arr(shape('a stratum', { status: str })), points: arr(shape('a landscape point', { type: str, loss: number })), spuriousMinima: arr(any) });
export const networkClass: Arg = union('a network class {kind, …} (from classify)', 'kind', {
  polynomial: shape('{kind: polynomial}', { reason: str }),
  piecewise: shape('{kind: piecewise}', { reason: str }),
  transcendental: shape('{kind: transcendental}', { reason: str }),
});
export const analysisResult: Arg = shape('an analysis (from analyze)', {
  spec: str,
  surrogate: bool,
  class: networkClass,
  collapse: opt(collapseResult),
  leastSquares: opt(leastSquaresResult),
  criticalPoints: opt(criticalPointsResult),
  landscape: opt(landscapeResult),
});

