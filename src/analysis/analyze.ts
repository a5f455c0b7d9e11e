/**
 * "Can this network be solved analytically?" — every stage of the analysis run in turn, its
 * results returned as data. The verdict (verdict.ts) is read off them.
 */
import type { Node } from '../expr/node.js';
import type { Rational } from '../expr/rational.js';
import { type Dataset, type Network, buildNetwork } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import { ExpansionTooLargeError } from '../poly/expand.js';
import { expand } from '../poly/expand.js';
import { polyIsZero, polySub } from '../poly/poly.js';
import { type NetworkClass, classify } from './classify.js';
import { type Collapse, collapse } from './collapse.js';
import { type CriticalPoints, type Regularisation, criticalPoints } from './critical.js';
import { type LeastSquares, leastSquares } from './leastsq.js';
import { isLinearSpec, linearCollapse } from './linear.js';
import { type DescentSummary, descend } from './numeric.js';
import { type ReluAnalysis, reluPatterns } from './relu.js';
import { type ReluExact, reluExact } from './relu-report.js';
import { type TaylorSurrogate, taylorSurrogate } from './taylor.js';
import { type Landscape, bestKnownLoss, landscape } from './landscape.js';
import { formatSpec } from '../network/parse.js';

export interface AnalyzeOptions {
  readonly data?: Dataset;
  /** regularisation of the critical-point system (default none) */
  readonly l2?: Regularisation;
  /** seed of every random choice (rank point, preimage, descent starts, generic L2) */
  readonly seed?: number;
  /** milliseconds granted to the critical-point computation (default CRITICAL_MILLIS) */
  readonly millis?: number;
  /** decimal places of irrational critical-point coordinates (default 12) */
  readonly digits?: number;
  /** Taylor order for transcendental networks (off when absent) */
  readonly taylor?: number;
  readonly taylorAt?: Rational;
  /** skip the numeric gradient-descent comparison (tests of the exact parts) */
  readonly descent?: boolean;
  /** skip the critical points on the rank-deficient locus (default: computed) */
  readonly landscape?: boolean;
  /** called before each stage with the fraction done and the stage's name (the CLI's progress bar) */
  readonly onProgress?: (fraction: number, stage: string) => void;
}

/** Identity networks: β, β₀, the matrix identity, and the proof. */
export interface LinearReport {
  /** βₖⱼ as formulas in the weights (output k, input j) */
  readonly beta: readonly (readonly Node[])[];
  readonly beta0: readonly Node[];
  readonly matrixForm: string;
  /** fₖ − (Σⱼ βₖⱼxⱼ + β₀ₖ) expands to the zero polynomial for every output */
  readonly proved: boolean;
  /** seed 001's backprop recursion in closed form for this network (layer convention), LaTeX */
  readonly backpropLatex: string;
}

export interface Analysis {
  /** the spec's compact name (JSON when it has none) */
  readonly spec: string;
  /** the spec itself */
  readonly specObject: NetworkSpec;
  /** this is the analysis of a Taylor surrogate (its answers are approximate for the network) */
  readonly surrogate: boolean;
  readonly class: NetworkClass;
  readonly linear?: LinearReport;
  readonly collapse?: Collapse;
  /** why there is no collapse (non-polynomial, too large) */
  readonly collapseRefused?: string;
  readonly leastSquares?: LeastSquares;
  readonly descent?: DescentSummary;
  readonly criticalPoints?: CriticalPoints;
  /** critical points on the rank-deficient locus of c (strata of switched-off units), classified */
  readonly landscape?: Landscape;
  /** the 1-M-1 pattern enumeration (relu.ts) and the exact results of relu-report.ts */
  readonly relu?: ReluAnalysis & { readonly exact?: ReluExact };
  readonly taylor?: { readonly surrogate: TaylorSurrogate; readonly analysis: Analysis };
}

/** Prove the identity network's collapse: expand fₖ − affineₖ to 0. */
export function linearReport(net: Network): LinearReport {
  const c = linearCollapse(net.spec);
  const proved = net.outputs.every((f, k) => polyIsZero(polySub(expand(f), expand(c.affine[k]!))));
  const L = net.spec.widths.length - 1;
  // δ⁽ˡ⁾ = ∂loss/∂z⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀ⋯(W⁽ᴸ⁾)ᵀ δ⁽ᴸ⁾ for identity activations (proved in recursion.ts's tests)
  const backpropLatex =
    L === 1
      ? '\\delta^{(1)} = \\nabla_{f} \\mathrm{loss}'
      : `\\delta^{(l)} = (W^{(l+1)})^\\top \\cdots (W^{(${L})})^\\top \\delta^{(${L})}, \\quad \\delta^{(1)} = ${Array.from({ length: L - 1 }, (_, i) => `(W^{(${i + 2})})^\\top`).join('')}\\,\\delta^{(${L})}, \\quad \\delta^{(${L})} = \\nabla_{f} \\mathrm{loss}`;
  return { beta: c.beta, beta0: c.beta0, matrixForm: c.matrixForm, proved, backpropLatex };
}

/**
 * Analyse a network (and a data set): class, collapse, least squares, critical points, ReLU
 * patterns or a Taylor surrogate. Only the stages' results: what they establish, and the verdict
 * with its exact and numeric labels, is read off them by `verdict` (verdict.ts).
 *
 * @example
 * ```ts
 * const a = analyze(parseSpec('1-2-1:quadratic,identity'), { data, l2: { kind: 'generic', seed: 1 } });
 * a.criticalPoints!.status; // 'solved'
 * ```
 */
export function analyze(spec: NetworkSpec, opts: AnalyzeOptions = {}): Analysis {
  const net = buildNetwork(spec);
  return analyzeNetwork(net, opts, false);
}

function analyzeNetwork(net: Network, opts: AnalyzeOptions, surrogate: boolean): Analysis {
  const spec = net.spec;
  const seed = opts.seed ?? 1;
  const stage = opts.onProgress ?? (() => {});
  // the surrogate is polynomial by construction; its degrees come from the collapse below
  const cls: NetworkClass = surrogate
    ? { kind: 'polynomial', degree: { inputs: 0, params: 0 }, linear: false, reason: 'Taylor surrogate: every transcendental activation replaced by a polynomial' }
    : classify(spec);
  const out: { -readonly [K in keyof Analysis]?: Analysis[K] } = { spec: specName(spec), specObject: spec, surrogate, class: cls };
  if (cls.kind === 'polynomial') {
    if (!surrogate && isLinearSpec(spec)) out.linear = linearReport(net);
    try {
      stage(0.05, 'collapse');
      out.collapse = collapse(net, seed);
    } catch (e) {
      if (!(e instanceof ExpansionTooLargeError)) throw e;
      out.collapseRefused = e.message;
    }
    if (opts.data !== undefined && out.collapse !== undefined) {
      stage(0.25, 'least squares');
      out.leastSquares = leastSquares(net, out.collapse, opts.data, seed);
      if (opts.descent !== false) {
        stage(0.35, 'gradient descent');
        out.descent = descend(spec, opts.data, { seed });
      }
      stage(0.6, 'critical points');
      const cp = criticalPoints(net, opts.data, opts.l2 ?? { kind: 'none' }, {
        ...(opts.millis !== undefined ? { millis: opts.millis } : {}),
        ...(opts.digits !== undefined ? { digits: opts.digits } : {}),
        onProgress: (f, phase) => stage(0.6 + 0.2 * f, `critical points: ${phase}`),
      });
      out.criticalPoints = cp;
      if (!surrogate && opts.landscape !== false && spec.widths.length > 2) {
        stage(0.8, 'rank-deficient strata');
        const ls = out.leastSquares;
        const known = bestKnownLoss(net, opts.data, ls.attained.kind === 'point' ? ls.attained : undefined, out.descent?.bestPoint);
        out.landscape = landscape(net, opts.data, known);
      }
    }
  } else if (cls.kind === 'piecewise' && opts.data !== undefined) {
    stage(0.1, 'activation patterns');
    out.relu = reluPatterns(net, opts.data, { seed });
    stage(0.3, 'exact optimum');
    const rx = reluExact(net, opts.data);
    out.relu = { ...out.relu, exact: rx };
    if (opts.descent !== false) {
      stage(0.6, 'gradient descent');
      out.descent = descend(spec, opts.data, { seed });
    }
  } else if (cls.kind === 'transcendental' && opts.taylor !== undefined) {
    stage(0.05, 'Taylor surrogate');
    const s = taylorSurrogate(net, opts.taylor, opts.taylorAt);
    out.taylor = { surrogate: s, analysis: analyzeNetwork(s.net, { ...opts, descent: false }, true) };
  }
  return out as Analysis;
}

/** The compact spec string, or JSON when the spec has none (biases differing between layers). */
export function specName(spec: NetworkSpec): string {
  try {
    return formatSpec(spec);
  } catch {
    return JSON.stringify({ widths: spec.widths, activations: spec.activations, bias: spec.bias });
  }
}
