/**
 * The analysis as plain JSON (rationals as `p/q` text, BigInts as decimal text), in the shape the
 * CLI prints: class, degree, features, params, rank, filling, leastSquares, criticalPoints,
 * verdict, and which parts are exact or numeric.
 */
import { qtoNumber, qtoString } from '../expr/rational.js';
import { polyToText } from '../poly/print.js';
import { type Analysis, minimaStatus } from './analyze.js';
import { reluExactJson } from './relu-report.js';

export type AnalysisJson = Record<string, unknown>;

/**
 * @example
 * ```ts
 * JSON.stringify(analysisJson(analyze(parseSpec('1-1:identity'))));
 * ```
 */
export function analysisJson(a: Analysis): AnalysisJson {
  const c = a.class;
  const col = a.collapse;
  const ls = a.leastSquares;
  const cp = a.criticalPoints;
  return {
    spec: a.spec,
    class: c.kind === 'piecewise' ? 'piecewise polynomial' : c.kind,
    classReason: c.reason,
    degree: c.kind === 'transcendental' ? null : col !== undefined ? col.degree : c.degree,
    ...(c.kind === 'piecewise' ? { piecesPerUnit: c.piecesPerUnit, patternBound: c.patternBound.toString() } : {}),
    features: col?.K ?? null,
    params: col?.P ?? null,
    rank: col?.rank ?? null,
    filling: col?.filling ?? null,
    ...(col !== undefined ? { redundant: col.P - col.rank, collapsed: col.features.map((f) => ({ output: f.output + 1, monomial: f.monomial, coefficient: polyToText(f.coeff) })) } : {}),
    ...(a.collapseRefused !== undefined ? { collapseRefused: a.collapseRefused } : {}),
    ...(a.linear !== undefined ? { linear: a.linear } : {}),
    leastSquares:
      ls === undefined
        ? null
        : {
            exact: true,
            coefficients: ls.coefficients.map((q, i) => ({ output: col!.features[i]!.output + 1, monomial: col!.features[i]!.monomial, value: qtoString(q) })),
            unique: ls.unique,
            loss: qtoString(ls.loss),
            lossDecimal: qtoNumber(ls.loss),
            attained:
              ls.attained.kind === 'point'
                ? { point: Object.fromEntries([...ls.attained.point].map(([k, v]) => [k, qtoString(v)])), solvedFor: ls.attained.solvedFor, loss: qtoString(ls.attained.loss) }
                : { point: null, reason: ls.attained.reason },
            gradientDescent:
              a.descent === undefined
                ? null
                : { numeric: true, best: a.descent.best, finalLosses: a.descent.finalLosses, starts: a.descent.starts, steps: a.descent.steps, gradientNorm: a.descent.gradientNorm },
          },
    criticalPoints:
      cp === undefined
        ? null
        : {
            status: cp.status,
            ...(cp.message !== undefined ? { message: cp.message } : {}),
            regularisation: cp.regularisation,
            lambda: cp.lambda,
            fixed: cp.fixed,
            equations: cp.equations,
            unknowns: cp.unknowns,
            degrees: cp.degrees,
            bezout: cp.bezout.toString(),
            dimension: cp.dimension ?? null,
            complexSolutions: cp.complexSolutions ?? null,
            distinctSolutions: cp.distinctSolutions ?? null,
            eliminantDegree: cp.eliminantDegree ?? null,
            eliminant: cp.eliminant ?? null,
            radicals: cp.radicals ?? null,
            groebner: cp.groebner ?? null,
            regularisedLoss: Object.keys(cp.lambda).length > 0,
            realSolutions: (() => {
              const st = minimaStatus(cp, ls);
              return (cp.realSolutions ?? []).map((r, i) => ({
                point: r.point,
                enclosure: r.enclosure,
                certain: r.certain,
                loss: r.loss,
                type: r.type,
                index: r.index ?? null,
                nullity: r.nullity ?? null,
                certainty: r.certainty,
                typeReason: r.typeReason,
                engineType: r.engineType,
                ...(r.type === 'minimum' && st.globalLoss !== undefined ? { global: !st.notGlobal.includes(i) } : {}),
                eigenvalues: r.eigenvalues,
                gradientNorm: r.gradientNorm,
              }));
            })(),
          },
    landscape:
      a.landscape === undefined
        ? null
        : {
            bestKnown: a.landscape.bestKnown ?? null,
            subsets: a.landscape.subsets,
            strata: a.landscape.strata.map((t) => ({ ...t, bezout: t.bezout.toString() })),
            points: a.landscape.points,
            spuriousMinima: a.landscape.spuriousMinima.length,
          },
    ...(a.relu !== undefined
      ? {
          relu: {
            supported: a.relu.supported,
            ...(a.relu.reason !== undefined ? { reason: a.relu.reason } : {}),
            onSetsPerUnit: a.relu.onSetsPerUnit ?? null,
            tried: a.relu.tried ?? null,
            consistent: (a.relu.consistent ?? []).map((p) => ({ onSets: p.onSets, loss: qtoString(p.loss), nullity: p.nullity })),
            best: a.relu.best === undefined ? null : { onSets: a.relu.best.onSets, loss: qtoString(a.relu.best.loss) },
            ...(a.relu.exact !== undefined ? reluExactJson(a.relu.exact, a.descent) : {}),
          },
        }
      : {}),
    ...(a.taylor !== undefined
      ? { taylor: { approximate: true, order: a.taylor.surrogate.order, at: qtoString(a.taylor.surrogate.at), polynomials: a.taylor.surrogate.polynomials, surrogate: analysisJson(a.taylor.analysis) } }
      : {}),
    exact: a.exact,
    numeric: a.numeric,
    verdict: a.verdict,
  };
}
