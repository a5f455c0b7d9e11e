/**
 * The analysis as plain JSON (rationals as `p/q` text, BigInts as decimal text, formulas as text),
 * in the shape the CLI prints: class, degree, features, params, rank, filling, leastSquares,
 * criticalPoints, and the verdict — its headline, findings (each with its stage and whether it is
 * exact or numeric), gaps and next steps, rendered from the one model of verdict.ts.
 */
import { qtoNumber, qtoString } from '../expr/rational.js';
import { toText } from '../print/text.js';
import { polyToText } from '../poly/print.js';
import type { Analysis } from './analyze.js';
import type { Degrees } from './classify.js';
import type { CriticalPoint, CriticalType } from './critical.js';
import type { LandscapePoint, Stratum } from './landscape.js';
import { reluExactJson } from './relu-report.js';
import { type Basis, type Finding, type Gap, type Stage, type TypeCounts, type Verdict, minimaStatus, verdict as verdictOf, verdictText } from './verdict.js';

export interface CriticalPointJson {
  readonly point: Readonly<Record<string, string>>;
  readonly enclosure: Readonly<Record<string, readonly [string, string]>>;
  readonly certain: boolean;
  /** numeric (the engine); of the regularised loss when `regularised` */
  readonly loss: number;
  readonly regularised: boolean;
  readonly type: CriticalType;
  readonly index: number | null;
  readonly nullity: number | null;
  readonly certainty: CriticalPoint['certainty'];
  readonly typeReason: string;
  readonly engineType: CriticalType;
  /** minima only, when the global minimum is known */
  readonly global?: boolean;
  readonly eigenvalues: readonly number[];
  readonly gradientNorm: number;
}

/** One finding: its stage, basis and sentence, and its data in JSON form. */
export type FindingJson = { readonly basis: Basis; readonly stage: Stage; readonly text: string } & (
  | { readonly kind: 'class'; readonly class: string; readonly reason: string }
  | { readonly kind: 'linear'; readonly beta: readonly (readonly string[])[]; readonly beta0: readonly string[] }
  | { readonly kind: 'collapse'; readonly K: number; readonly P: number; readonly features: readonly string[] }
  | { readonly kind: 'rank'; readonly rank: number; readonly K: number; readonly P: number; readonly filling: boolean }
  | { readonly kind: 'optimum'; readonly loss: string; readonly lossDecimal: number; readonly regularised: false; readonly attained: boolean; readonly solvedFor: readonly string[] }
  | { readonly kind: 'descent'; readonly best: number; readonly regularised: false; readonly starts: number; readonly steps: number }
  | { readonly kind: 'system'; readonly equations: number; readonly unknowns: number; readonly degrees: readonly number[]; readonly bezout: string; readonly regularisation: string; readonly lambda: Readonly<Record<string, string>> }
  | { readonly kind: 'critical set'; readonly dimension: number; readonly complexSolutions: number | null; readonly distinctSolutions: number | null; readonly eliminantDegree: number | null; readonly radicals: boolean | null; readonly counting: string | null }
  | { readonly kind: 'critical points'; readonly regularised: boolean; readonly real: number; readonly counts: TypeCounts; readonly unproved: number }
  | { readonly kind: 'engine check'; readonly points: number; readonly disagree: number }
  | { readonly kind: 'global minimum'; readonly regularised: boolean; readonly loss: number; readonly how: string; readonly spurious: readonly number[] }
  | { readonly kind: 'strata'; readonly solved: number; readonly total: number; readonly points: number; readonly spurious: number }
  | { readonly kind: 'strata types'; readonly points: number }
  | { readonly kind: 'relu'; readonly what: 'patterns' | 'optimum' | 'regions' }
  | { readonly kind: 'surrogate'; readonly order: number; readonly polynomials: Readonly<Record<string, { readonly text: string; readonly exact: boolean }>>; readonly verdict: VerdictJson }
);

export interface VerdictJson {
  readonly headline: string;
  readonly findings: readonly FindingJson[];
  readonly gaps: readonly Gap[];
  readonly next: readonly string[];
  /** the verdict as one paragraph */
  readonly text: string;
}

export interface CriticalPointsJson {
  readonly status: 'solved' | 'refused' | 'budget';
  readonly message?: string;
  readonly regularisation: string;
  /** the L2 coefficients used, by parameter: L = L_data + Σⱼ λⱼθⱼ² (empty: not regularised) */
  readonly lambda: Readonly<Record<string, string>>;
  readonly regularisedLoss: boolean;
  readonly fixed: readonly string[];
  /** the estimate made before any expansion */
  readonly estimate: { readonly unknowns: number; readonly degree: number; readonly bezout: string };
  readonly equations: number;
  readonly unknowns: number;
  readonly degrees: readonly number[];
  readonly bezout: string;
  readonly dimension: number | null;
  readonly complexSolutions: number | null;
  readonly distinctSolutions: number | null;
  readonly eliminantDegree: number | null;
  readonly eliminant: string | null;
  readonly radicals: boolean | null;
  readonly groebner: readonly string[] | null;
  readonly realSolutions: readonly CriticalPointJson[];
}

export interface LeastSquaresJson {
  readonly exact: true;
  readonly regularised: false;
  readonly coefficients: readonly { readonly output: number; readonly monomial: string; readonly value: string }[];
  readonly unique: boolean;
  readonly loss: string;
  readonly lossDecimal: number;
  readonly attained: { readonly point: Readonly<Record<string, string>>; readonly solvedFor: readonly string[]; readonly loss: string } | { readonly point: null; readonly reason: string };
  readonly gradientDescent: { readonly numeric: true; readonly regularised: false; readonly best: number; readonly finalLosses: readonly number[]; readonly starts: number; readonly steps: number; readonly gradientNorm: number } | null;
}

export interface AnalysisJson {
  readonly spec: string;
  readonly class: 'polynomial' | 'piecewise polynomial' | 'transcendental';
  readonly classReason: string;
  readonly degree: Degrees | null;
  readonly piecesPerUnit?: readonly number[];
  readonly patternBound?: string;
  readonly features: number | null;
  readonly params: number | null;
  readonly rank: number | null;
  readonly filling: boolean | null;
  readonly redundant?: number;
  readonly collapsed?: readonly { readonly output: number; readonly monomial: string; readonly coefficient: string }[];
  readonly collapseRefused?: string;
  readonly linear?: { readonly beta: readonly (readonly string[])[]; readonly beta0: readonly string[]; readonly matrixForm: string; readonly proved: boolean; readonly backpropLatex: string };
  readonly leastSquares: LeastSquaresJson | null;
  readonly criticalPoints: CriticalPointsJson | null;
  readonly landscape: {
    readonly bestKnown: { readonly loss: number; readonly exact?: string; readonly source: string } | null;
    readonly subsets: 'all' | 'layers';
    readonly strata: readonly (Omit<Stratum, 'bezout'> & { readonly bezout: string })[];
    readonly points: readonly LandscapePoint[];
    readonly spuriousMinima: number;
  } | null;
  readonly relu?: {
    readonly supported: boolean;
    readonly reason?: string;
    readonly onSetsPerUnit: number | null;
    readonly tried: number | null;
    readonly consistent: readonly { readonly onSets: readonly (readonly number[])[]; readonly loss: string; readonly nullity: number }[];
    readonly best: { readonly onSets: readonly (readonly number[])[]; readonly loss: string } | null;
    readonly [exact: string]: unknown;
  };
  readonly taylor?: { readonly approximate: true; readonly order: number; readonly at: string; readonly polynomials: Readonly<Record<string, { readonly text: string; readonly exact: boolean }>>; readonly surrogate: AnalysisJson };
  /** the stages whose findings are exact, and those whose findings are numeric (from the findings) */
  readonly exact: readonly Stage[];
  readonly numeric: readonly Stage[];
  readonly headline: string;
  readonly findings: readonly FindingJson[];
  readonly gaps: readonly Gap[];
  readonly next: readonly string[];
  /** the verdict as one paragraph */
  readonly verdict: string;
}

function findingJson(f: Finding): FindingJson {
  const base = { basis: f.basis, stage: f.stage, text: f.text };
  switch (f.kind) {
    case 'class':
      return { ...base, kind: f.kind, class: f.class.kind, reason: f.class.reason };
    case 'linear':
      return { ...base, kind: f.kind, beta: f.beta.map((r) => r.map(toText)), beta0: f.beta0.map(toText) };
    case 'collapse':
      return { ...base, kind: f.kind, K: f.K, P: f.P, features: f.features };
    case 'rank':
      return { ...base, kind: f.kind, rank: f.rank, K: f.K, P: f.P, filling: f.filling };
    case 'optimum':
      return { ...base, kind: f.kind, loss: qtoString(f.loss), lossDecimal: qtoNumber(f.loss), regularised: false, attained: f.attained, solvedFor: f.solvedFor };
    case 'descent':
      return { ...base, kind: f.kind, best: f.best, regularised: false, starts: f.starts, steps: f.steps };
    case 'system':
      return { ...base, kind: f.kind, equations: f.equations, unknowns: f.unknowns, degrees: f.degrees, bezout: f.bezout.toString(), regularisation: f.regularisation, lambda: f.lambda };
    case 'critical set':
      return {
        ...base,
        kind: f.kind,
        dimension: f.dimension,
        complexSolutions: f.complexSolutions ?? null,
        distinctSolutions: f.distinctSolutions ?? null,
        eliminantDegree: f.eliminantDegree ?? null,
        radicals: f.radicals ?? null,
        counting: f.counting ?? null,
      };
    case 'critical points':
      return { ...base, kind: f.kind, regularised: f.regularised, real: f.points.length, counts: f.counts, unproved: f.unproved };
    case 'engine check':
      return { ...base, kind: f.kind, points: f.points, disagree: f.disagree };
    case 'global minimum':
      return { ...base, kind: f.kind, regularised: f.regularised, loss: f.loss, how: f.how, spurious: f.spurious };
    case 'strata':
      return { ...base, kind: f.kind, solved: f.solved, total: f.total, points: f.points, spurious: f.spurious };
    case 'strata types':
      return { ...base, kind: f.kind, points: f.points };
    case 'relu':
      return { ...base, kind: f.kind, what: f.what };
    case 'surrogate':
      return { ...base, kind: f.kind, order: f.order, polynomials: f.polynomials, verdict: verdictJson(f.verdict) };
    default:
      return f satisfies never;
  }
}

/** The verdict in JSON form. */
export function verdictJson(v: Verdict): VerdictJson {
  return { headline: v.headline, findings: v.findings.map(findingJson), gaps: v.gaps, next: v.next, text: verdictText(v) };
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/**
 * @example
 * ```ts
 * analysisJson(analyze(parseSpec('1-1:identity'))).exact; // ['classification', 'linear collapse', 'collapse', 'generic rank']
 * ```
 */
export function analysisJson(a: Analysis): AnalysisJson {
  const c = a.class;
  const col = a.collapse;
  const ls = a.leastSquares;
  const cp = a.criticalPoints;
  const v = verdictOf(a);
  const st = cp === undefined ? undefined : minimaStatus(cp, ls);
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
    ...(a.linear !== undefined
      ? { linear: { beta: a.linear.beta.map((r) => r.map(toText)), beta0: a.linear.beta0.map(toText), matrixForm: a.linear.matrixForm, proved: a.linear.proved, backpropLatex: a.linear.backpropLatex } }
      : {}),
    leastSquares:
      ls === undefined || col === undefined
        ? null
        : {
            exact: true,
            regularised: false,
            coefficients: ls.coefficients.map((q, i) => ({ output: col.features[i]!.output + 1, monomial: col.features[i]!.monomial, value: qtoString(q) })),
            unique: ls.unique,
            loss: qtoString(ls.loss),
            lossDecimal: qtoNumber(ls.loss),
            attained:
              ls.attained.kind === 'point'
                ? { point: Object.fromEntries([...ls.attained.point].map(([k, x]) => [k, qtoString(x)])), solvedFor: ls.attained.solvedFor, loss: qtoString(ls.attained.loss) }
                : { point: null, reason: ls.attained.reason },
            gradientDescent:
              a.descent === undefined
                ? null
                : { numeric: true, regularised: false, best: a.descent.best, finalLosses: a.descent.finalLosses, starts: a.descent.starts, steps: a.descent.steps, gradientNorm: a.descent.gradientNorm },
          },
    criticalPoints:
      cp === undefined || st === undefined
        ? null
        : {
            status: cp.status,
            ...(cp.message !== undefined ? { message: cp.message } : {}),
            regularisation: cp.regularisation,
            lambda: cp.lambda,
            regularisedLoss: st.regularised,
            fixed: cp.fixed,
            estimate: { unknowns: cp.estimate.unknowns, degree: cp.estimate.degree, bezout: cp.estimate.bezout.toString() },
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
            realSolutions: (cp.realSolutions ?? []).map((r, i) => ({
              point: r.point,
              enclosure: r.enclosure,
              certain: r.certain,
              loss: r.loss,
              regularised: st.regularised,
              type: r.type,
              index: r.index ?? null,
              nullity: r.nullity ?? null,
              certainty: r.certainty,
              typeReason: r.typeReason,
              engineType: r.engineType,
              ...(r.type === 'minimum' && st.globalLoss !== undefined ? { global: !st.notGlobal.includes(i) } : {}),
              eigenvalues: r.eigenvalues,
              gradientNorm: r.gradientNorm,
            })),
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
    exact: unique(v.findings.filter((f) => f.basis === 'exact').map((f) => f.stage)),
    numeric: unique(v.findings.filter((f) => f.basis === 'numeric').map((f) => f.stage)),
    headline: v.headline,
    findings: v.findings.map(findingJson),
    gaps: v.gaps,
    next: v.next,
    verdict: verdictText(v),
  };
}
