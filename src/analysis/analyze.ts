/**
 * "Can this network be solved analytically?" — every part of the analysis put together, with
 * each answer marked exact or numeric, and a verdict a person can act on.
 */
import { type Rational, qtoNumber, qtoString } from '../expr/rational.js';
import { toText } from '../print/text.js';
import { type Dataset, type Network, buildNetwork } from '../network/build.js';
import { formatSpec, parameterCount } from '../network/parse.js';
import type { NetworkSpec } from '../network/spec.js';
import { ExpansionTooLargeError } from '../poly/expand.js';
import { expand } from '../poly/expand.js';
import { polyIsZero, polySub } from '../poly/poly.js';
import { type NetworkClass, classify } from './classify.js';
import { type Collapse, collapse } from './collapse.js';
import { type CriticalPoints, type Regularisation, MAX_BEZOUT, MAX_CRITICAL_UNKNOWNS, criticalPoints } from './critical.js';
import { type LeastSquares, leastSquares } from './leastsq.js';
import { isLinearSpec, linearCollapse } from './linear.js';
import { type DescentSummary, descend } from './numeric.js';
import { type ReluAnalysis, reluPatterns } from './relu.js';
import { type ReluExact, reluDescentSentence, reluExact, reluOptimumSentence, reluRegionsSentence } from './relu-report.js';
import { type TaylorSurrogate, taylorSurrogate } from './taylor.js';
import { type Landscape, bestKnownLoss, landscape, landscapeVerdict } from './landscape.js';

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
  readonly beta: string[][];
  readonly beta0: string[];
  readonly matrixForm: string;
  /** fₖ − (Σⱼ βₖⱼxⱼ + β₀ₖ) expands to the zero polynomial for every output */
  readonly proved: boolean;
  /** seed 001's backprop recursion in closed form for this network (layer convention), LaTeX */
  readonly backpropLatex: string;
}

export interface Analysis {
  readonly spec: string;
  /** the spec itself */
  readonly specObject?: NetworkSpec;
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
  /** which parts are exact, which numeric */
  readonly exact: readonly string[];
  readonly numeric: readonly string[];
  readonly verdict: string;
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
  return { beta: c.beta.map((r) => r.map(toText)), beta0: c.beta0.map(toText), matrixForm: c.matrixForm, proved, backpropLatex };
}

/**
 * Analyse a network (and a data set): class, collapse, least squares, critical points, ReLU
 * patterns or a Taylor surrogate, and the verdict.
 *
 * @example
 * ```ts
 * const a = analyze(parseSpec('1-2-1:quadratic,identity'), { data, l2: { kind: 'generic', seed: 1 } });
 * a.verdict; // 'A polynomial model … the global optimum of the squared loss is exactly …'
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
  const exact: string[] = [];
  const numeric: string[] = [];
  const out: { -readonly [K in keyof Analysis]?: Analysis[K] } = { spec: specName(spec), specObject: spec, surrogate, class: cls };
  exact.push('class and degrees (from the activations)');
  if (cls.kind === 'polynomial') {
    if (!surrogate && isLinearSpec(spec)) {
      out.linear = linearReport(net);
      exact.push('β and β₀ (proved by expansion)');
    }
    try {
      stage(0.05, 'collapse');
      out.collapse = collapse(net, seed);
      exact.push('collapse Σ cₖ(θ)φₖ(x), K, P and the rank of ∂c/∂θ (exact at random rational points)');
    } catch (e) {
      if (!(e instanceof ExpansionTooLargeError)) throw e;
      out.collapseRefused = e.message;
    }
    if (opts.data !== undefined && out.collapse !== undefined) {
      stage(0.25, 'least squares');
      out.leastSquares = leastSquares(net, out.collapse, opts.data, seed);
      exact.push('least-squares optimum over span{φ} (normal equations over Q)');
      if (out.leastSquares.attained.kind === 'point') exact.push('a parameter point attaining it (checked: c(θ*) = c*)');
      if (opts.descent !== false) {
        stage(0.35, 'gradient descent');
        out.descent = descend(spec, opts.data, { seed });
        numeric.push('gradient descent (mathjs engine, random starts)');
      }
      stage(0.6, 'critical points');
      const cp = criticalPoints(net, opts.data, opts.l2 ?? { kind: 'none' }, {
        ...(opts.millis !== undefined ? { millis: opts.millis } : {}),
        ...(opts.digits !== undefined ? { digits: opts.digits } : {}),
        onProgress: (f, phase) => stage(0.6 + 0.2 * f, `critical points: ${phase}`),
      });
      out.criticalPoints = cp;
      // what the critical-point stage established, from what it returned
      const got = ['critical-point system', 'Bézout bound'];
      if (cp.dimension !== undefined) got.push(cp.counting !== undefined ? 'dimension and solution counts (modular, probabilistic)' : 'dimension and solution counts');
      if (cp.groebner !== undefined) got.push('Gröbner basis');
      if (cp.eliminant !== undefined) got.push('eliminant');
      else if (cp.eliminantDegree !== undefined && cp.realSolutions !== undefined) got.push('rational univariate representation');
      const real = cp.realSolutions ?? [];
      if (cp.realSolutions !== undefined) got.push(`real solutions (isolated exactly; coordinates enclosed and correctly rounded)`);
      if (real.length > 0) {
        const unproved = real.filter((r) => r.certainty === 'unproved').length;
        got.push(`types of the real critical points from the Hessian (exact at rational points, interval arithmetic elsewhere${unproved > 0 ? `; ${unproved} degenerate not proved` : ''})`);
      }
      exact.push(got.join(', '));
      if (real.length > 0) numeric.push('loss, gradient norm and Hessian eigenvalues at each real critical point (a cross-check of the certified types)');
      if (!surrogate && opts.landscape !== false && spec.widths.length > 2) {
        stage(0.8, 'rank-deficient strata');
        const ls = out.leastSquares;
        const known = bestKnownLoss(net, opts.data, ls.attained.kind === 'point' ? ls.attained : undefined, out.descent?.bestPoint);
        out.landscape = landscape(net, opts.data, known);
        exact.push('critical points on the strata of switched-off hidden units (lift proved by expansion, reduced systems solved exactly)');
        if (out.landscape.points.length > 0) numeric.push('type of each critical point on those strata (Hessian eigenvalues, descent probe where the Hessian is semidefinite)');
      }
    }
  } else if (cls.kind === 'piecewise' && opts.data !== undefined) {
    stage(0.1, 'activation patterns');
    out.relu = reluPatterns(net, opts.data, { seed });
    if (out.relu.supported) exact.push('activation patterns, per-pattern least squares and consistency checks');
    stage(0.3, 'exact optimum');
    const rx = reluExact(net, opts.data);
    out.relu = { ...out.relu, exact: rx };
    if (rx.optimum.kind === 'solved') exact.push('the global optimum over all activation patterns (convex QPs over Q after rescaling), its point checked in the formula');
    if (rx.regions !== undefined) exact.push('the linear regions of the optimal network over the data box (exact polygons)');
    if (opts.descent !== false) {
      stage(0.6, 'gradient descent');
      out.descent = descend(spec, opts.data, { seed });
      numeric.push('gradient descent (mathjs engine, random starts)');
    }
  } else if (cls.kind === 'transcendental' && opts.taylor !== undefined) {
    stage(0.05, 'Taylor surrogate');
    const s = taylorSurrogate(net, opts.taylor, opts.taylorAt);
    out.taylor = { surrogate: s, analysis: analyzeNetwork(s.net, { ...opts, descent: false }, true) };
    numeric.push(`everything about the Taylor surrogate of order ${opts.taylor} (approximate for the network)`);
  }
  out.exact = exact;
  out.numeric = numeric;
  out.verdict = verdict(out as Analysis, opts);
  return out as Analysis;
}

/** At most 12 items, then how many more. */
const shortList = (xs: readonly string[]): string => (xs.length <= 12 ? xs.join(', ') : `${xs.slice(0, 12).join(', ')}, … ${xs.length - 12} more`);

const plural = (n: number | bigint, w: string): string => `${n} ${w}${n === 1 || n === 1n ? '' : 's'}`;

/** One paragraph: what the model is, what was solved exactly, what is numeric, what to do next. */
export function verdict(a: Analysis, opts: AnalyzeOptions): string {
  const s: string[] = [];
  const c = a.class;
  if (c.kind === 'transcendental') {
    s.push(`${a.spec} is transcendental: ${c.reason}.`);
    s.push('No finite algebraic procedure solves ∇L = 0 for it in general; only numeric training (or an approximation) applies.');
    if (a.taylor === undefined) s.push(`Next: \`closedform analyze ${a.spec} --taylor 3\` replaces each activation by its Taylor polynomial around 0 and solves that polynomial surrogate, whose answers are approximate.`);
    else {
      const t = a.taylor.surrogate;
      s.push(
        `With --taylor ${t.order} every activation is replaced by ${Object.entries(t.polynomials).map(([n, p]) => `${n}(z) ≈ ${p.text}${p.exact ? '' : ' (coefficients rounded)'}`).join(', ')}; everything below is about that surrogate and APPROXIMATE for the network: ${a.taylor.analysis.verdict}`,
      );
    }
    return s.join(' ');
  }
  if (c.kind === 'piecewise') {
    s.push(`${a.spec} is piecewise polynomial: ${c.reason}.`);
    if (a.relu === undefined) s.push('Next: give a data set (--data FILE.csv) to enumerate the activation patterns it allows and solve each pattern exactly.');
    const rx = a.relu?.exact;
    const optimum = rx === undefined ? undefined : reluOptimumSentence(rx);
    // the 1-M-1 interior enumeration is said when the exact optimum is not (and it applies, or nothing else does)
    if (a.relu !== undefined && rx?.optimum.kind !== 'solved' && (a.relu.supported || optimum === undefined)) s.push(a.relu.summary);
    if (optimum !== undefined) s.push(optimum);
    const regions = rx === undefined ? undefined : reluRegionsSentence(rx);
    if (regions !== undefined) s.push(regions);
    const versus = rx === undefined || a.descent === undefined ? undefined : reluDescentSentence(rx, a.descent);
    if (versus !== undefined) s.push(versus);
    else if (a.descent !== undefined) {
      const exact = a.relu?.best === undefined ? undefined : qtoNumber(a.relu.best.loss);
      const gap = exact === undefined ? 0 : a.descent.best - exact;
      s.push(
        `Plain gradient descent (numeric, ${a.descent.starts} random starts × ${a.descent.steps} steps) reached ${a.descent.best.toPrecision(8)}` +
          (exact === undefined ? '.' : gap > 1e-6 * Math.max(1, exact) ? `, above the exact pattern optimum ${exact.toPrecision(8)}: descent stalled at a worse point (dead units or a local minimum), the exact point above is better.` : gap < -1e-6 * Math.max(1, exact) ? ', below every consistent pattern optimum: the minimum lies on a pattern boundary, which the enumeration does not cover.' : ', the same value.'),
      );
    }
    return s.join(' ');
  }
  const col = a.collapse;
  if (a.linear !== undefined)
    s.push(`${a.spec} has identity activations, so it is linear regression: β = ${a.linear.beta.map((r) => `(${r.join(', ')})`).join(', ')}, β₀ = (${a.linear.beta0.join(', ')}), ${a.linear.proved ? 'proved by expanding both sides' : 'NOT confirmed by expansion'}.`);
  else if (!a.surrogate) s.push(`${a.spec} is a polynomial model: ${c.reason}.`);
  if (col === undefined) {
    s.push(`Its expansion was refused: ${a.collapseRefused ?? 'unknown reason'}. Try a smaller network.`);
    return s.join(' ');
  }
  const feats = col.features.map((f) => f.monomial);
  s.push(
    `Collapsed, the output is Σ cₖ(θ)φₖ(x) over K = ${col.K} monomial features (${shortList([...new Set(feats)])}) with P = ${col.P} parameters; the architecture reaches a ${col.rank}-dimensional family of these functions (exact rank of ∂c/∂θ at random rational points), so it ${col.filling ? 'fills the span' : `does not fill the span (rank ${col.rank} < K = ${col.K})`} and ${col.P - col.rank} parameter direction${col.P - col.rank === 1 ? ' is' : 's are'} redundant (P − rank).`,
  );
  const ls = a.leastSquares;
  if (ls === undefined) {
    s.push('Next: give a data set (--data FILE.csv) for the exact least-squares optimum and the critical points of the loss.');
    return s.join(' ');
  }
  if (ls.attained.kind === 'point')
    s.push(
      `On the data the global minimum of the squared loss is exactly ${qtoString(ls.loss)} (≈ ${qtoNumber(ls.loss).toPrecision(8)}), from the normal equations, and the network attains it at a parameter point solved for ${ls.attained.solvedFor.join(', ')} with the others fixed at random rationals (checked exactly: c(θ*) = c*).`,
    );
  else
    s.push(
      `The best function in the span has loss ${qtoString(ls.loss)} (≈ ${qtoNumber(ls.loss).toPrecision(8)}), a lower bound for the network, but no parameter point attaining it was found: ${ls.attained.reason}.`,
    );
  const d = a.descent;
  if (d !== undefined) {
    const gap = d.best - qtoNumber(ls.attained.kind === 'point' ? ls.attained.loss : ls.loss);
    s.push(
      `Plain gradient descent (numeric, ${d.starts} random starts × ${d.steps} steps) reached ${d.best.toPrecision(8)}${Math.abs(gap) <= 1e-6 * Math.max(1, Math.abs(d.best)) ? ', the same value' : gap > 0 ? `, ${gap.toPrecision(3)} above ${ls.attained.kind === 'point' ? 'the exact optimum' : 'that lower bound'}` : ''}.`,
    );
  }
  s.push(criticalSentence(a.criticalPoints!, opts, ls, a.spec));
  if (a.landscape !== undefined) s.push(landscapeVerdict(a.landscape, col));
  const next = nextSteps(a);
  if (next.length > 0) s.push(`Next: ${next.join('; ')}.`);
  return s.join(' ');
}

/**
 * The advice to rerun with analyze's options, naming the command: the verdict is also shown by
 * `derive` and the notebooks, which have no such options.
 */
const analyzeHint = (spec: string, flags: string): string => `\`closedform analyze ${spec} --data FILE ${flags}\``;

/** Which real critical points are minima that are not global, and how the global value is known. */
export interface MinimaStatus {
  /** the losses are of the regularised loss L + Σⱼ λⱼθⱼ² */
  readonly regularised: boolean;
  /** the global minimum value, when known */
  readonly globalLoss?: number;
  /** how it is known */
  readonly how?: string;
  /** indices (into realSolutions) of the minima above the global minimum */
  readonly notGlobal: readonly number[];
}

/**
 * The global status of the minima found by the exact critical-point solve. With an L2 term on
 * every parameter the regularised loss is coercive (≥ Σ λⱼθⱼ², λⱼ > 0), so its global minimum is
 * attained at a critical point: the lowest critical value, when all real critical points are
 * listed. Without one, the yardstick is the least-squares optimum when a parameter point attains it.
 *
 * @example
 * ```ts
 * const a = analyze(parseSpec('1-1-1:identity'), { data, l2: { kind: 'generic', seed: 1 } });
 * minimaStatus(a.criticalPoints!, a.leastSquares).notGlobal; // e.g. [1]: the second minimum is not global
 * ```
 */
export function minimaStatus(cp: CriticalPoints, ls: LeastSquares | undefined): MinimaStatus {
  const real = cp.realSolutions ?? [];
  const lambdas = Object.values(cp.lambda);
  const regularised = lambdas.length > 0;
  const above = (g: number): number[] => real.flatMap((r, i) => (r.type === 'minimum' && r.loss > g + 1e-9 * Math.max(1, Math.abs(g)) ? [i] : []));
  if (cp.status === 'solved' && cp.dimension === 0 && real.length > 0 && regularised && cp.fixed.length === 0 && lambdas.length === cp.unknowns) {
    const g = Math.min(...real.map((r) => r.loss));
    return { regularised, globalLoss: g, how: 'the regularised loss is coercive (every λⱼ > 0), so its global minimum is the lowest of its critical values', notGlobal: above(g) };
  }
  if (!regularised && cp.fixed.length === 0 && ls?.attained.kind === 'point') {
    const g = qtoNumber(ls.loss);
    return { regularised, globalLoss: g, how: 'the least-squares optimum, attained', notGlobal: above(g) };
  }
  return { regularised, notGlobal: [] };
}

function criticalSentence(cp: CriticalPoints, opts: AnalyzeOptions, ls: LeastSquares | undefined, spec: string): string {
  const head = `∇L = 0 is ${plural(cp.equations, 'polynomial equation')} of degrees ${[...new Set(cp.degrees)].join('/')} in ${cp.unknowns} unknowns (Bézout bound ${cp.bezout}; regularisation: ${cp.regularisation}).`;
  if (cp.status === 'budget' && cp.complexSolutions !== undefined)
    return `${head} Exactly: a finite critical set with ${plural(cp.complexSolutions, 'complex solution')} ${cp.eliminantDegree !== undefined ? ` (eliminant of degree ${cp.eliminantDegree})` : ''}; the real ones were not isolated: ${cp.message}.`;
  if (cp.status !== 'solved') return `${head} The exact solution was not attempted or not finished: ${cp.message}.`;
  if (cp.dimension === -1) return `${head} It has no complex solution.`;
  if ((cp.dimension ?? 0) > 0)
    return `${head} Its Gröbner basis shows a critical set of dimension ${cp.dimension} — continuous families of critical points from the network's symmetries — so the points cannot be listed; ${opts.l2 === undefined || opts.l2.kind === 'none' ? `${analyzeHint(spec, '--l2 generic')} adds one random rational L2 coefficient per parameter, which removes the symmetries and makes the set finite.` : `this regularisation did not remove every symmetry: try ${analyzeHint(spec, '--l2 generic')}.`}`;
  const real = cp.realSolutions ?? [];
  const count = (t: string): number => real.filter((r) => r.type === t).length;
  const unproved = real.filter((r) => r.certainty === 'unproved').length;
  const disagree = real.filter((r) => r.engineType !== r.type).length;
  const best = real[0];
  const st = minimaStatus(cp, ls);
  const lossWord = st.regularised ? 'regularised loss L + Σλⱼθⱼ²' : 'loss';
  const notGlobal = st.notGlobal.map((i) => real[i]!.loss.toPrecision(8));
  const globalText =
    st.globalLoss === undefined
      ? ''
      : ` The global minimum of the ${lossWord} is ${st.globalLoss.toPrecision(8)} (${st.how}); ${notGlobal.length === 0 ? 'no minimum found lies above it' : `${notGlobal.length === 1 ? '1 minimum' : `${notGlobal.length} minima`} lie${notGlobal.length === 1 ? 's' : ''} above it and so ${notGlobal.length === 1 ? 'is a spurious local minimum' : 'are spurious local minima'} of the ${lossWord} (${lossWord === 'loss' ? '' : 'regularised '}loss ${notGlobal.join(', ')})`}.`;
  return (
    `${head} Exactly: ${plural(cp.complexSolutions ?? 0, 'complex solution')} with multiplicity (${cp.distinctSolutions ?? '?'} distinct), ${cp.eliminant !== undefined ? 'an eliminant' : 'a rational univariate representation'} of degree ${cp.eliminantDegree}` +
    `${cp.radicals === true ? ', so every critical point is expressible by radicals' : cp.radicals === false ? ', beyond degree 4 after removing rational roots, so not by the general radical formulas' : ''}, and ${plural(real.length, 'real critical point')}.` +
    ` Types from the Hessian, certified (exact at rational points, interval arithmetic elsewhere): ${count('minimum')} minim${count('minimum') === 1 ? 'um' : 'a'}, ${plural(count('saddle'), 'saddle')}, ${count('maximum')} maxim${count('maximum') === 1 ? 'um' : 'a'}, ${count('degenerate')} degenerate${unproved > 0 ? ` (${unproved} of them not proved: the refinement budget ended)` : ''}` +
    `${disagree > 0 ? `; the numeric engine's eigenvalues give another type at ${plural(disagree, 'point')}` : '; the numeric engine agrees'}` +
    `${best !== undefined ? `; the lowest ${lossWord} among them is ${best.loss.toPrecision(8)} (${best.type})` : ''}.${globalText}`
  );
}

/** The compact spec string, or JSON when the spec has none (biases differing between layers). */
function specName(spec: NetworkSpec): string {
  try {
    return formatSpec(spec);
  } catch {
    return JSON.stringify({ widths: spec.widths, activations: spec.activations, bias: spec.bias });
  }
}

/**
 * Smaller variants of a polynomial network whose critical-point system is within budget, by the
 * generic estimate: P unknowns, each gradient equation of degree ≤ 2·deg_θ f − 1 (plus L2).
 */
export function tractableVariants(spec: NetworkSpec): string[] {
  const L = spec.activations.length;
  const variants: NetworkSpec[] = [
    { ...spec, bias: spec.bias.map(() => false) },
    { ...spec, activations: [...spec.activations.slice(0, L - 1), 'identity'] },
    { ...spec, activations: [...spec.activations.slice(0, L - 1), 'identity'], bias: spec.bias.map(() => false) },
  ];
  const out: string[] = [];
  for (const v of variants) {
    if (L < 2 && v.activations[0] === 'identity' && spec.activations[0] !== 'identity') continue;
    const c = classify(v);
    if (c.kind !== 'polynomial') continue;
    const P = parameterCount(v);
    const d = BigInt(Math.max(1, 2 * c.degree.params - 1));
    if (P <= MAX_CRITICAL_UNKNOWNS && d ** BigInt(P) <= MAX_BEZOUT) {
      const name = specName(v);
      if (name !== specName(spec) && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** Concrete things to try, from what the analysis found. */
function nextSteps(a: Analysis): string[] {
  const out: string[] = [];
  const spec = a.spec;
  const col = a.collapse!;
  const cp = a.criticalPoints;
  const acts = spec.split(':')[1] ?? '';
  const lastIdentity = acts.split(',').at(-1) === 'identity';
  if (!col.filling && !lastIdentity && acts.split(',').length >= 1 && spec.split(':')[0]!.split('-').length >= 3 && !a.surrogate)
    out.push(`make the output layer linear (e.g. ${spec.split(':')[0]}:${acts.split(',')[0] ?? 'quadratic'},identity): the coefficients become affine in the last layer, the model can fill its span and the least-squares optimum is then solved exactly`);
  if (cp !== undefined && cp.status === 'refused') {
    const small = a.specObject === undefined ? [] : tractableVariants(a.specObject);
    out.push(
      small.length > 0
        ? `for exact critical points try ${small.map((v) => analyzeHint(v, '--l2 generic')).join(' or ')} (smaller systems the engine is likely to finish)`
        : 'no smaller variant (:nobias, identity output) brings the critical-point system within budget: use fewer hidden units or inputs',
    );
  }
  if (cp !== undefined && cp.status !== 'solved') out.push('treat the gradient-descent value as numeric evidence only');
  if (cp !== undefined && cp.status === 'solved' && (cp.dimension ?? 0) > 0) out.push(`rerun as ${analyzeHint(spec, '--l2 generic')} to count and classify isolated critical points`);
  return out;
}
