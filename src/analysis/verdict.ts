/**
 * The verdict as data: a short headline and a list of findings, each a fact with the stage that
 * established it and whether it is exact or numeric, and the list of what was not established
 * (refused up front, stopped by a budget, not attempted) with the reason. Every label is derived
 * from what the stage returned — a stage that was refused or stopped has no finding, only a gap —
 * so the text, the JSON and the pages, which all render from this one model, cannot claim more
 * than was done.
 */
import type { Node } from '../expr/node.js';
import { type Rational, qtoNumber, qtoString } from '../expr/rational.js';
import { toText } from '../print/text.js';
import { buildNetwork } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import { type Analysis, specName } from './analyze.js';
import type { NetworkClass } from './classify.js';
import { type CriticalPoint, type CriticalPoints, type CriticalType, MAX_BEZOUT, MAX_CRITICAL_UNKNOWNS, criticalEstimate } from './critical.js';
import type { Landscape } from './landscape.js';
import { landscapeVerdict } from './landscape.js';
import type { LeastSquares } from './leastsq.js';
import { reluDescentSentence, reluOptimumSentence, reluRegionsSentence } from './relu-report.js';

/** How a finding is known: exactly (over Q, or certified), numerically (floats), or approximately (about a Taylor surrogate). */
export type Basis = 'exact' | 'numeric' | 'approximate';

/** The stages of the analysis, as a finding names the one that established it. */
export type Stage =
  | 'classification'
  | 'linear collapse'
  | 'collapse'
  | 'generic rank'
  | 'least squares'
  | 'gradient descent'
  | 'critical-point system'
  | 'critical-point count'
  | 'real critical points'
  | 'critical-point types'
  | 'engine check'
  | 'global minimum'
  | 'rank-deficient strata'
  | 'activation patterns'
  | 'ReLU optimum'
  | 'linear regions'
  | 'Taylor surrogate';

/** Certified critical points by type; saddles by Morse index (null: index not certified). */
export interface TypeCounts {
  readonly minimum: number;
  readonly saddle: readonly { readonly index: number | null; readonly count: number }[];
  readonly maximum: number;
  readonly degenerate: number;
}

/** One fact, as data; `text` is its sentence for the plain-text verdict. */
export type Fact =
  | { readonly kind: 'class'; readonly class: NetworkClass }
  | { readonly kind: 'linear'; readonly beta: readonly (readonly Node[])[]; readonly beta0: readonly Node[] }
  | { readonly kind: 'collapse'; readonly K: number; readonly P: number; readonly features: readonly string[] }
  | { readonly kind: 'rank'; readonly rank: number; readonly K: number; readonly P: number; readonly filling: boolean }
  | { readonly kind: 'optimum'; readonly loss: Rational; readonly attained: boolean; readonly solvedFor: readonly string[] }
  | { readonly kind: 'descent'; readonly best: number; readonly starts: number; readonly steps: number }
  | {
      readonly kind: 'system';
      readonly equations: number;
      readonly unknowns: number;
      readonly degrees: readonly number[];
      readonly bezout: bigint;
      readonly regularisation: string;
      /** the L2 coefficients used, by parameter (empty without L2) */
      readonly lambda: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'critical set'; readonly dimension: number; readonly complexSolutions?: number; readonly distinctSolutions?: number; readonly eliminantDegree?: number; readonly radicals?: boolean; readonly counting?: string }
  | { readonly kind: 'critical points'; readonly regularised: boolean; readonly points: readonly CriticalPoint[]; readonly counts: TypeCounts; readonly unproved: number }
  | { readonly kind: 'engine check'; readonly points: number; readonly disagree: number }
  | { readonly kind: 'global minimum'; readonly regularised: boolean; readonly loss: number; readonly how: string; readonly spurious: readonly number[] }
  | { readonly kind: 'strata'; readonly solved: number; readonly total: number; readonly points: number; readonly spurious: number }
  | { readonly kind: 'strata types'; readonly points: number }
  | { readonly kind: 'relu'; readonly what: 'patterns' | 'optimum' | 'regions' }
  | { readonly kind: 'surrogate'; readonly order: number; readonly polynomials: Readonly<Record<string, { readonly text: string; readonly exact: boolean }>>; readonly verdict: Verdict };

export type Finding = Fact & { readonly basis: Basis; readonly stage: Stage; readonly text: string };

/** A stage that established nothing: refused before it started, stopped by a budget, not attempted (and why), or a check that failed. */
export interface Gap {
  readonly stage: Stage;
  readonly status: 'refused' | 'stopped' | 'not attempted' | 'failed';
  readonly text: string;
}

export interface Verdict {
  readonly spec: string;
  readonly headline: string;
  readonly findings: readonly Finding[];
  readonly gaps: readonly Gap[];
  /** concrete things to try */
  readonly next: readonly string[];
}

const plural = (n: number | bigint, w: string): string => `${n} ${w}${n === 1 || n === 1n ? '' : 's'}`;
/** At most 12 items, then how many more. */
const shortList = (xs: readonly string[]): string => (xs.length <= 12 ? xs.join(', ') : `${xs.slice(0, 12).join(', ')}, … ${xs.length - 12} more`);
const dec = (q: Rational): string => qtoNumber(q).toPrecision(8);

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

/**
 * The certified types of critical points counted: minima, saddles by Morse index, maxima, degenerate.
 *
 * @example
 * ```ts
 * typeCounts([{ type: 'saddle', index: 1 }, { type: 'minimum' }, { type: 'saddle', index: 1 }]); // { minimum: 1, saddle: [{ index: 1, count: 2 }], maximum: 0, degenerate: 0 }
 * ```
 */
export function typeCounts(points: readonly { readonly type: CriticalType; readonly index?: number }[]): TypeCounts {
  const saddles = new Map<number | null, number>();
  for (const p of points) if (p.type === 'saddle') saddles.set(p.index ?? null, (saddles.get(p.index ?? null) ?? 0) + 1);
  const n = (t: CriticalType): number => points.filter((p) => p.type === t).length;
  const saddle = [...saddles].map(([index, count]) => ({ index, count })).sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
  return { minimum: n('minimum'), saddle, maximum: n('maximum'), degenerate: n('degenerate') };
}

/** `5 minima, 8 saddles of index 1, 4 of index 2, 0 maxima, 0 degenerate`. */
export function countsText(c: TypeCounts): string {
  const saddles = c.saddle.reduce((s, x) => s + x.count, 0);
  const byIndex = c.saddle.filter((x) => x.index !== null);
  const sad =
    saddles === 0
      ? '0 saddles'
      : byIndex.length === c.saddle.length
        ? byIndex.map((x, i) => (i === 0 ? `${plural(x.count, 'saddle')} of index ${x.index}` : `${x.count} of index ${x.index}`)).join(', ')
        : plural(saddles, 'saddle');
  return `${c.minimum} minim${c.minimum === 1 ? 'um' : 'a'}, ${sad}, ${c.maximum} maxim${c.maximum === 1 ? 'um' : 'a'}, ${c.degenerate} degenerate`;
}

/**
 * Smaller variants of a polynomial network whose critical-point system is within the size the
 * engine is likely to finish, by the one estimate made before any expansion ({@link criticalEstimate}).
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
    const e = criticalEstimate(buildNetwork(v), { kind: 'generic', seed: 1 });
    if (e.polynomial && e.unknowns <= MAX_CRITICAL_UNKNOWNS && e.bezout <= MAX_BEZOUT) {
      const name = specName(v);
      if (name !== specName(spec) && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** Concrete things to try, from what the analysis found (the spec read as data, not as text). */
function nextSteps(a: Analysis): string[] {
  const out: string[] = [];
  const spec = a.specObject;
  const col = a.collapse;
  const cp = a.criticalPoints;
  const acts = spec.activations;
  if (col !== undefined && !col.filling && acts.at(-1) !== 'identity' && spec.widths.length >= 3 && !a.surrogate) {
    const variant = specName({ ...spec, activations: [...acts.slice(0, -1), 'identity'] });
    out.push(`make the output layer linear (e.g. ${variant}): the coefficients become affine in the last layer, the model can fill its span and the least-squares optimum is then solved exactly`);
  }
  // nothing counted: the system was refused up front or the first prime did not finish
  if (cp !== undefined && cp.status !== 'solved' && cp.complexSolutions === undefined && !a.surrogate) {
    const small = tractableVariants(spec);
    out.push(
      small.length > 0
        ? `for exact critical points try ${small.map((v) => analyzeHint(v, '--l2 generic')).join(' or ')} (smaller systems the engine is likely to finish)`
        : 'no smaller variant (:nobias, identity output) brings the critical-point system within budget: use fewer hidden units or inputs',
    );
  }
  if (cp !== undefined && cp.status !== 'solved' && a.descent !== undefined) out.push('treat the gradient-descent value as numeric evidence only');
  if (cp !== undefined && cp.status === 'solved' && (cp.dimension ?? 0) > 0) out.push(`rerun as ${analyzeHint(a.spec, '--l2 generic')} to count and classify isolated critical points`);
  return out;
}

/** `w1_1_1 = 1/3, w1_2_1 = 7/9`: the L2 coefficients as they were drawn, to rebuild the system elsewhere. */
export const lambdaText = (lambda: Readonly<Record<string, string>>): string =>
  Object.entries(lambda)
    .map(([p, l]) => `${p} = ${l}`)
    .join(', ');

/** The findings and gaps of the critical-point stage, each from what it returned. */
function criticalFindings(cp: CriticalPoints, ls: LeastSquares | undefined, spec: string, f: Finding[], g: Gap[]): void {
  if (cp.status === 'refused') {
    g.push({ stage: 'critical-point system', status: 'refused', text: `The critical-point system ∇L = 0 (${cp.unknowns} unknowns, Bézout bound ≤ ${cp.bezout} by the estimate) was ${cp.message ?? 'refused up front'}.` });
    return;
  }
  const regularised = Object.keys(cp.lambda).length > 0;
  f.push({
    kind: 'system',
    equations: cp.equations,
    unknowns: cp.unknowns,
    degrees: cp.degrees,
    bezout: cp.bezout,
    regularisation: cp.regularisation,
    lambda: cp.lambda,
    basis: 'exact',
    stage: 'critical-point system',
    text:
      `∇L = 0 is ${plural(cp.equations, 'polynomial equation')} of degrees ${[...new Set(cp.degrees)].join('/')} in ${cp.unknowns} unknowns (Bézout bound ${cp.bezout}; regularisation: ${cp.regularisation})` +
      (regularised ? `; L is the regularised loss L_data + Σⱼ λⱼθⱼ² with λ: ${lambdaText(cp.lambda)}.` : '.'),
  });
  if (cp.dimension === undefined) {
    g.push({ stage: 'critical-point count', status: 'stopped', text: `The critical points were not counted: ${cp.message ?? 'stopped'}.` });
    return;
  }
  const modular = cp.counting !== undefined ? ' (modular, probabilistic)' : '';
  if (cp.dimension === -1) {
    f.push({ kind: 'critical set', dimension: -1, ...(cp.counting !== undefined ? { counting: cp.counting } : {}), basis: 'exact', stage: 'critical-point count', text: `It has no complex solution${modular}.` });
    return;
  }
  if (cp.dimension > 0) {
    const none = Object.keys(cp.lambda).length === 0 && cp.fixed.length === 0;
    f.push({
      kind: 'critical set',
      dimension: cp.dimension,
      ...(cp.counting !== undefined ? { counting: cp.counting } : {}),
      basis: 'exact',
      stage: 'critical-point count',
      text: `Its Gröbner basis${modular} shows a critical set of dimension ${cp.dimension} — continuous families of critical points from the network's symmetries — so the points cannot be listed; ${none ? `${analyzeHint(spec, '--l2 generic')} adds one random rational L2 coefficient per parameter, which removes the symmetries and makes the set finite.` : `this regularisation did not remove every symmetry: try ${analyzeHint(spec, '--l2 generic')}.`}`,
    });
    return;
  }
  const D = cp.complexSolutions ?? 0;
  const representation = cp.eliminant !== undefined ? 'an eliminant' : cp.eliminantDegree !== undefined ? 'a rational univariate representation' : undefined;
  f.push({
    kind: 'critical set',
    dimension: 0,
    complexSolutions: D,
    ...(cp.distinctSolutions !== undefined ? { distinctSolutions: cp.distinctSolutions } : {}),
    ...(cp.eliminantDegree !== undefined ? { eliminantDegree: cp.eliminantDegree } : {}),
    ...(cp.radicals !== undefined ? { radicals: cp.radicals } : {}),
    ...(cp.counting !== undefined ? { counting: cp.counting } : {}),
    basis: 'exact',
    stage: 'critical-point count',
    text:
      `Exactly${modular}: a finite critical set with ${plural(D, 'complex solution')} with multiplicity${cp.distinctSolutions !== undefined ? ` (${cp.distinctSolutions} distinct)` : ''}` +
      `${representation !== undefined ? `, ${representation} of degree ${cp.eliminantDegree}` : ''}` +
      `${cp.radicals === true ? ', so every critical point is expressible by radicals' : cp.radicals === false ? ', beyond degree 4 after removing rational roots, so not by the general radical formulas' : ''}.`,
  });
  if (cp.realSolutions === undefined) {
    g.push({ stage: 'real critical points', status: 'stopped', text: `The real critical points were not isolated: ${cp.message ?? 'stopped'}.` });
    return;
  }
  const real = cp.realSolutions;
  const counts = typeCounts(real);
  const unproved = real.filter((r) => r.certainty === 'unproved').length;
  const lossWord = regularised ? 'regularised loss L + Σλⱼθⱼ²' : 'loss';
  f.push({
    kind: 'critical points',
    regularised,
    points: real,
    counts,
    unproved,
    basis: 'exact',
    stage: 'critical-point types',
    text:
      `${plural(real.length, 'real critical point')}, isolated exactly (coordinates enclosed and correctly rounded), types from the Hessian, certified (exact at rational points, interval arithmetic elsewhere): ${countsText(counts)}` +
      `${unproved > 0 ? ` (${unproved} degenerate not proved: the refinement budget ended)` : ''}.`,
  });
  if (real.length === 0) return;
  const disagree = real.filter((r) => r.engineType !== r.type).length;
  f.push({
    kind: 'engine check',
    points: real.length,
    disagree,
    basis: 'numeric',
    stage: 'engine check',
    text: `The numeric engine's Hessian eigenvalues ${disagree > 0 ? `give another type at ${plural(disagree, 'point')}` : 'agree with every certified type'}; the lowest ${lossWord} among the points is ${real[0]!.loss.toPrecision(8)} (${real[0]!.type}; losses by the numeric engine).`,
  });
  const st = minimaStatus(cp, ls);
  if (st.globalLoss !== undefined) {
    const notGlobal = st.notGlobal.map((i) => real[i]!.loss.toPrecision(8));
    f.push({
      kind: 'global minimum',
      regularised,
      loss: st.globalLoss,
      how: st.how!,
      spurious: st.notGlobal,
      basis: 'numeric',
      stage: 'global minimum',
      text: `The global minimum of the ${lossWord} is ${st.globalLoss.toPrecision(8)} (${st.how}); ${notGlobal.length === 0 ? 'no minimum found lies above it' : `${notGlobal.length === 1 ? '1 minimum' : `${notGlobal.length} minima`} lie${notGlobal.length === 1 ? 's' : ''} above it and so ${notGlobal.length === 1 ? 'is a spurious local minimum' : 'are spurious local minima'} of the ${lossWord} (${regularised ? 'regularised ' : ''}loss ${notGlobal.join(', ')})`}.`,
    });
  }
}

function landscapeFindings(ls: Landscape, col: { readonly K: number; readonly rank: number; readonly filling: boolean }, f: Finding[], g: Gap[]): void {
  // the strata's losses are of L itself: the landscape is not regularised
  const text = `On the loss L (not regularised): ${landscapeVerdict(ls, col)}`;
  const solved = ls.strata.filter((t) => t.status === 'solved').length;
  if (solved === 0) {
    g.push({ stage: 'rank-deficient strata', status: ls.strata.some((t) => t.status === 'budget') ? 'stopped' : 'not attempted', text });
    return;
  }
  f.push({ kind: 'strata', solved, total: ls.strata.length, points: ls.points.length, spurious: ls.spuriousMinima.length, basis: 'exact', stage: 'rank-deficient strata', text });
  if (ls.points.length > 0)
    f.push({
      kind: 'strata types',
      points: ls.points.length,
      basis: 'numeric',
      stage: 'rank-deficient strata',
      text: `The type of each of the ${plural(ls.points.length, 'point')} on the strata is numeric: the engine's Hessian eigenvalues, a descent probe where the Hessian is semidefinite.`,
    });
}

/**
 * The verdict of an analysis: its headline, findings and gaps, each derived from what the stages
 * returned.
 *
 * @example
 * ```ts
 * const v = verdict(analyze(parseSpec('1-1-1:identity')));
 * v.findings.map((f) => `${f.basis}: ${f.stage}`); // ['exact: classification', 'exact: linear collapse', 'exact: collapse', 'exact: generic rank']
 * v.gaps.map((g) => g.status); // ['not attempted']: no data, so no least squares
 * ```
 */
export function verdict(a: Analysis): Verdict {
  const f: Finding[] = [];
  const g: Gap[] = [];
  const c = a.class;
  const spec = a.spec;
  const next: string[] = [];
  const done = (headline: string): Verdict => ({ spec, headline, findings: f, gaps: g, next: c.kind === 'polynomial' ? [...next, ...nextSteps(a)] : next });
  const noData = (what: string): void => {
    g.push({ stage: c.kind === 'piecewise' ? 'activation patterns' : 'least squares', status: 'not attempted', text: `No data set was given, so ${what} ${what.includes(' and ') ? 'were' : 'was'} not computed.` });
    next.push(`give a data set (--data FILE.csv) for ${what}`);
  };
  if (c.kind === 'transcendental') {
    f.push({ kind: 'class', class: c, basis: 'exact', stage: 'classification', text: `${spec} is transcendental: ${c.reason}. No finite algebraic procedure solves ∇L = 0 for it in general; only numeric training (or an approximation) applies.` });
    if (a.taylor === undefined) {
      g.push({ stage: 'Taylor surrogate', status: 'not attempted', text: 'No Taylor surrogate was asked for (the next step names the command).' });
      next.push(`\`closedform analyze ${spec} --taylor 3\` replaces each activation by its Taylor polynomial around 0 and solves that polynomial surrogate, whose answers are approximate`);
      return done(`${spec}: transcendental — no polynomial system; numeric training or a Taylor surrogate`);
    }
    const t = a.taylor.surrogate;
    const inner = verdict(a.taylor.analysis);
    f.push({
      kind: 'surrogate',
      order: t.order,
      polynomials: t.polynomials,
      verdict: inner,
      basis: 'approximate',
      stage: 'Taylor surrogate',
      text: `With --taylor ${t.order} every activation is replaced by ${Object.entries(t.polynomials).map(([n, p]) => `${n}(z) ≈ ${p.text}${p.exact ? '' : ' (coefficients rounded)'}`).join(', ')}; everything below is about that surrogate and APPROXIMATE for the network: ${verdictText(inner)}`,
    });
    return done(`${spec}: transcendental; about its Taylor surrogate of order ${t.order} (APPROXIMATE for the network): ${inner.headline.startsWith(`${inner.spec}: `) ? inner.headline.slice(inner.spec.length + 2) : inner.headline}`);
  }
  if (c.kind === 'piecewise') {
    f.push({ kind: 'class', class: c, basis: 'exact', stage: 'classification', text: `${spec} is piecewise polynomial: ${c.reason}.` });
    if (a.relu === undefined) {
      noData('the activation patterns it allows and the exact optimum of each');
      return done(`${spec}: piecewise polynomial — give a data set to solve it pattern by pattern`);
    }
    const rx = a.relu.exact;
    const optimum = rx === undefined ? undefined : reluOptimumSentence(rx);
    // the 1-M-1 interior enumeration is said when the exact optimum is not (and it applies, or nothing else does)
    if (rx?.optimum.kind !== 'solved' && (a.relu.supported || optimum === undefined)) {
      if (a.relu.supported) f.push({ kind: 'relu', what: 'patterns', basis: 'exact', stage: 'activation patterns', text: a.relu.summary });
      else g.push({ stage: 'activation patterns', status: 'not attempted', text: a.relu.summary });
    }
    if (optimum !== undefined) {
      const o = rx!.optimum.kind;
      // solved, or exact bounds (the optimum between two exact values), or an exact attained upper bound: facts; refused: a gap
      if (o === 'refused') g.push({ stage: 'ReLU optimum', status: 'refused', text: optimum });
      else f.push({ kind: 'relu', what: 'optimum', basis: 'exact', stage: 'ReLU optimum', text: optimum });
    }
    const regions = rx === undefined ? undefined : reluRegionsSentence(rx);
    if (regions !== undefined) f.push({ kind: 'relu', what: 'regions', basis: 'exact', stage: 'linear regions', text: regions });
    const d = a.descent;
    if (d !== undefined) {
      const versus = rx === undefined ? undefined : reluDescentSentence(rx, d);
      let text = versus;
      if (text === undefined) {
        const exact = a.relu.best === undefined ? undefined : qtoNumber(a.relu.best.loss);
        const gap = exact === undefined ? 0 : d.best - exact;
        text =
          `Plain gradient descent (numeric, ${d.starts} random starts × ${d.steps} steps) reached ${d.best.toPrecision(8)}` +
          (exact === undefined ? '.' : gap > 1e-6 * Math.max(1, exact) ? `, above the exact pattern optimum ${exact.toPrecision(8)}: descent stalled at a worse point (dead units or a local minimum), the exact point above is better.` : gap < -1e-6 * Math.max(1, exact) ? ', below every consistent pattern optimum: the minimum lies on a pattern boundary, which the enumeration does not cover.' : ', the same value.');
      }
      f.push({ kind: 'descent', best: d.best, starts: d.starts, steps: d.steps, basis: 'numeric', stage: 'gradient descent', text });
    }
    const o = rx?.optimum;
    return done(`${spec}: piecewise polynomial — ${o?.kind === 'solved' ? `exact global optimum ${qtoString(o.loss)}` : o?.kind === 'bounds' ? `exact bounds ${qtoString(o.lower)} … ${qtoString(o.upper)} on the global optimum` : 'the exact global optimum not computed'}`);
  }
  // polynomial
  if (a.linear !== undefined) {
    const lin = a.linear;
    f.push({ kind: 'class', class: c, basis: 'exact', stage: 'classification', text: `${spec} has identity activations, so it is linear regression.` });
    const text = `β = ${lin.beta.map((r) => `(${r.map(toText).join(', ')})`).join(', ')}, β₀ = (${lin.beta0.map(toText).join(', ')})`;
    if (lin.proved) f.push({ kind: 'linear', beta: lin.beta, beta0: lin.beta0, basis: 'exact', stage: 'linear collapse', text: `${text}, proved by expanding both sides.` });
    else g.push({ stage: 'linear collapse', status: 'failed', text: `${text}: NOT confirmed by expansion.` });
  } else if (!a.surrogate) f.push({ kind: 'class', class: c, basis: 'exact', stage: 'classification', text: `${spec} is a polynomial model: ${c.reason}.` });
  const col = a.collapse;
  const classWord = a.linear !== undefined ? 'linear regression' : a.surrogate ? 'polynomial surrogate' : `polynomial of degree ${col?.degree.inputs ?? c.degree.inputs} in x, ${col?.degree.params ?? c.degree.params} in θ`;
  if (col === undefined) {
    g.push({ stage: 'collapse', status: 'refused', text: `Its expansion was refused: ${a.collapseRefused ?? 'unknown reason'}. Try a smaller network.` });
    return done(`${spec}: ${classWord} — too large to expand`);
  }
  f.push({
    kind: 'collapse',
    K: col.K,
    P: col.P,
    features: col.features.map((x) => x.monomial),
    basis: 'exact',
    stage: 'collapse',
    text: `Collapsed, the output is Σ cₖ(θ)φₖ(x) over K = ${col.K} monomial features (${shortList([...new Set(col.features.map((x) => x.monomial))])}) with P = ${col.P} parameters.`,
  });
  f.push({
    kind: 'rank',
    rank: col.rank,
    K: col.K,
    P: col.P,
    filling: col.filling,
    basis: 'exact',
    stage: 'generic rank',
    text: `The architecture reaches a ${col.rank}-dimensional family of these functions (exact rank of ∂c/∂θ at random rational points), so it ${col.filling ? 'fills the span' : `does not fill the span (rank ${col.rank} < K = ${col.K})`} and ${col.P - col.rank} parameter direction${col.P - col.rank === 1 ? ' is' : 's are'} redundant (P − rank).`,
  });
  const head = `${spec}: ${classWord}; K = ${col.K}, P = ${col.P}, rank ${col.rank}${col.filling ? ' (fills the span)' : ''}`;
  const ls = a.leastSquares;
  if (ls === undefined) {
    noData('the exact least-squares optimum and the critical points of the loss');
    return done(head);
  }
  const attained = ls.attained.kind === 'point';
  f.push({
    kind: 'optimum',
    loss: ls.loss,
    attained,
    solvedFor: ls.attained.kind === 'point' ? ls.attained.solvedFor : [],
    basis: 'exact',
    stage: 'least squares',
    text:
      ls.attained.kind === 'point'
        ? `On the data the global minimum of the squared loss (not regularised) is exactly ${qtoString(ls.loss)} (≈ ${dec(ls.loss)}), from the normal equations, and the network attains it at a parameter point solved for ${ls.attained.solvedFor.join(', ')} with the others fixed at random rationals (checked exactly: c(θ*) = c*).`
        : `The best function in the span has loss ${qtoString(ls.loss)} (≈ ${dec(ls.loss)}; not regularised), a lower bound for the network, but no parameter point attaining it was found: ${ls.attained.reason}.`,
  });
  const d = a.descent;
  if (d !== undefined) {
    const gap = d.best - qtoNumber(ls.attained.kind === 'point' ? ls.attained.loss : ls.loss);
    f.push({
      kind: 'descent',
      best: d.best,
      starts: d.starts,
      steps: d.steps,
      basis: 'numeric',
      stage: 'gradient descent',
      text: `Plain gradient descent (numeric, ${d.starts} random starts × ${d.steps} steps) reached the loss (not regularised) ${d.best.toPrecision(8)}${Math.abs(gap) <= 1e-6 * Math.max(1, Math.abs(d.best)) ? ', the same value' : gap > 0 ? `, ${gap.toPrecision(3)} above ${attained ? 'the exact optimum' : 'that lower bound'}` : ''}.`,
    });
  }
  const cp = a.criticalPoints;
  if (cp !== undefined) criticalFindings(cp, ls, spec, f, g);
  if (a.landscape !== undefined) landscapeFindings(a.landscape, col, f, g);
  const pts = f.find((x): x is Finding & { kind: 'critical points' } => x.kind === 'critical points');
  const set = f.find((x): x is Finding & { kind: 'critical set' } => x.kind === 'critical set');
  const cpHead =
    pts !== undefined
      ? `${plural(pts.points.length, 'real critical point')} (${countsText(pts.counts)})`
      : set !== undefined && set.dimension > 0
        ? `a critical set of dimension ${set.dimension}`
        : set !== undefined && set.dimension === 0
          ? `${plural(set.complexSolutions ?? 0, 'complex critical point')}, the real ones not isolated`
          : 'critical points not solved';
  return done(`${head}; optimum ${qtoString(ls.loss)}${attained ? ' exactly' : ' (an exact lower bound)'}; ${cpHead}`);
}

/** The verdict as one paragraph: the findings' sentences, then the gaps', then what to try next. */
export function verdictText(v: Verdict): string {
  const s = [...v.findings.map((x) => x.text), ...v.gaps.map((x) => x.text)];
  if (v.next.length > 0) s.push(`Next: ${v.next.join('; ')}.`);
  return s.join(' ');
}
