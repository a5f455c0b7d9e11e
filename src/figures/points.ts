/**
 * What the landscape figures share: the data loss L(θ) as one compiled function, the critical
 * points the analysis found — each re-checked with the independent numeric engine, so that only
 * points where the engine's gradient of L vanishes are drawn as critical — and the point where
 * the other parameters are held (the best critical point, else the gradient-descent result).
 *
 * The figures draw the data loss L. With an L2 regularisation the exact solver's critical points
 * are those of L + Σλⱼθⱼ², not of L: the engine's gradient sorts them out.
 */
import { type Node } from '../expr/node.js';
import { qtoNumber } from '../expr/rational.js';
import { compile } from '../print/compile.js';
import { type Dataset, type Network, buildNetwork, datasetLoss } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import { type Sample, engineDatasetLoss, engineGradient, samplesFromDataset } from '../numeric/engine.js';
import { paramsFromPoint } from '../numeric/params.js';
import type { Analysis } from '../analysis/analyze.js';
import { type CriticalType, classifyEigenvalues } from '../analysis/critical.js';
import { type DescentSummary, checkPoint, descend } from '../analysis/numeric.js';
import { FigureError } from './errors.js';

/** A point of parameter space drawn on a figure: a critical point of L, or the descent result. */
export interface KnownPoint {
  /** every parameter, by name */
  readonly point: Readonly<Record<string, number>>;
  /** `descent` for the gradient-descent result and `given` for a point the caller chose, which need not be critical */
  readonly type: CriticalType | 'descent' | 'given';
  /** L there (numeric engine) */
  readonly loss: number;
  /** ‖∇L‖ there (numeric engine) */
  readonly gradientNorm: number;
  /** where it comes from, in words */
  readonly source: string;
  /** the exact least-squares optimum: a global minimum */
  readonly global: boolean;
}

/** Everything a landscape figure is computed from. */
export interface LandscapeContext {
  readonly spec: NetworkSpec;
  readonly net: Network;
  readonly data: Dataset;
  readonly samples: readonly Sample[];
  /** the data loss L as a node in the parameters */
  readonly lossNode: Node;
  /** L compiled: values in `net.params` order */
  readonly loss: (theta: ArrayLike<number>) => number;
  /** the analysis's critical points of L, confirmed by the engine, lowest loss first */
  readonly critical: readonly KnownPoint[];
  readonly descent: DescentSummary;
  /** where the other parameters are held: the lowest critical point, else the descent result */
  readonly base: KnownPoint;
}

/**
 * A critical point is drawn when the engine's ‖∇L‖ is at most this, relative to max(1, L): the
 * analysis's own points have ‖∇L‖ ≈ 1e−10 or less; a point of L + Σλθ² has ‖∇L‖ = ‖2λθ‖, of order 1.
 */
export const CRITICAL_GRADIENT_TOLERANCE = 1e-6;

/** A parameter point from decimals or exact `p/q` text, as the analysis reports them. */
function numericPoint(p: Readonly<Record<string, string>>, fixed: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of fixed) out[f] = 1;
  for (const [k, v] of Object.entries(p)) {
    const slash = v.indexOf('/');
    out[k] = slash < 0 ? Number(v) : Number(v.slice(0, slash)) / Number(v.slice(slash + 1));
  }
  return out;
}

/** The analysis's candidate critical points of L, with the type it gave (when it is a type of L). */
function candidates(a: Analysis): { point: Record<string, number>; type?: CriticalType; source: string; global: boolean }[] {
  const out: { point: Record<string, number>; type?: CriticalType; source: string; global: boolean }[] = [];
  const ls = a.leastSquares;
  if (ls?.attained.kind === 'point')
    out.push({ point: Object.fromEntries([...ls.attained.point].map(([k, v]) => [k, qtoNumber(v)])), type: 'minimum', source: 'the exact least-squares optimum (a global minimum)', global: true });
  if (a.relu?.best !== undefined)
    out.push({ point: Object.fromEntries(Object.entries(a.relu.best.point).map(([k, v]) => [k, qtoNumber(v)])), type: 'minimum', source: 'the exact optimum over ReLU activation patterns', global: false });
  const cp = a.criticalPoints;
  if (cp !== undefined) {
    const plain = Object.keys(cp.lambda).length === 0 && cp.fixed.length === 0;
    for (const r of cp.realSolutions ?? []) out.push({ point: numericPoint(r.point, cp.fixed), ...(plain ? { type: r.type } : {}), source: 'a real solution of ∇L = 0 (exact solver)', global: false });
  }
  for (const p of a.landscape?.points ?? []) out.push({ point: numericPoint(p.point), type: p.type, source: `a critical point on a rank-deficient stratum (${p.stratum})`, global: false });
  return out;
}

const samePoint = (p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>, names: readonly string[]): boolean =>
  names.every((n) => Math.abs(p[n]! - q[n]!) <= 1e-9 * Math.max(1, Math.abs(p[n]!)));

/**
 * The context of the landscape figures for a network and a data set: compiled loss, the
 * confirmed critical points (from `analysis` when given), the descent result (the analysis's,
 * or a fresh `descend` with the seed) and the base point.
 *
 * @example
 * ```ts
 * const ctx = landscapeContext(parseSpec('1-1:identity'), readCsv('x1,y1\n0,1\n1,3\n2,4\n', parseSpec('1-1:identity')));
 * ctx.base.source; // 'gradient descent (best of 4 random starts × 1500 steps, seed 1)'
 * ```
 */
export function landscapeContext(spec: NetworkSpec, data: Dataset, opts: { readonly analysis?: Analysis; readonly seed?: number } = {}): LandscapeContext {
  const net = buildNetwork(spec);
  const samples = samplesFromDataset(data);
  const lossNode = datasetLoss(net, data);
  const loss = compile(lossNode, net.params);
  const seed = opts.seed ?? 1;
  const a = opts.analysis;
  const engine = (point: Readonly<Record<string, number>>): { loss: number; gradientNorm: number } => {
    const p = paramsFromPoint(spec, point);
    return { loss: engineDatasetLoss(spec, p, samples), gradientNorm: Math.hypot(...engineGradient(spec, p, samples)) };
  };
  const critical: KnownPoint[] = [];
  for (const c of a === undefined ? [] : candidates(a)) {
    if (!net.params.every((n) => Number.isFinite(c.point[n]))) continue;
    if (critical.some((k) => samePoint(k.point, c.point, net.params))) continue;
    const e = engine(c.point);
    if (!(e.gradientNorm <= CRITICAL_GRADIENT_TOLERANCE * Math.max(1, Math.abs(e.loss)))) continue;
    const type = c.type ?? classifyEigenvalues(checkPoint(spec, data, c.point).eigenvalues);
    critical.push({ point: c.point, type, loss: e.loss, gradientNorm: e.gradientNorm, source: c.source, global: c.global });
  }
  critical.sort((p, q) => p.loss - q.loss || Number(q.global) - Number(p.global));
  const descent = a?.descent ?? descend(spec, data, { seed });
  const d = engine(descent.bestPoint);
  const descentPoint: KnownPoint = {
    point: descent.bestPoint,
    type: 'descent',
    loss: d.loss,
    gradientNorm: d.gradientNorm,
    source: `gradient descent (best of ${descent.starts} random starts × ${descent.steps} steps, seed ${seed})`,
    global: false,
  };
  return { spec, net, data, samples, lossNode, loss, critical, descent, base: critical[0] ?? descentPoint };
}

/**
 * A base point the caller chose: the context's base with the given coordinates replaced; a
 * critical point of the context when it is one, else of type `given`.
 */
export function givenBase(ctx: LandscapeContext, given: Readonly<Record<string, number>>): KnownPoint {
  const names = ctx.net.params;
  for (const [k, v] of Object.entries(given)) {
    if (!names.includes(k)) throw new FigureError(`unknown parameter '${k}' in the base point (this network has ${names.length}: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''})`);
    if (!Number.isFinite(v)) throw new FigureError(`the base point's ${k} is not a finite number`);
  }
  const point = { ...ctx.base.point, ...given };
  const known = ctx.critical.find((c) => samePoint(c.point, point, names));
  if (known !== undefined) return known;
  const p = paramsFromPoint(ctx.spec, point);
  return { point, type: 'given', loss: engineDatasetLoss(ctx.spec, p, ctx.samples), gradientNorm: Math.hypot(...engineGradient(ctx.spec, p, ctx.samples)), source: 'the point given', global: false };
}

/** A point by name as a vector in `names` order. */
export const vectorOf = (point: Readonly<Record<string, number>>, names: readonly string[]): Float64Array => Float64Array.from(names, (n) => point[n]!);

/** Four significant digits, without trailing zeros: 0.5, 1.234, 1.2e-7. */
export function num4(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  const s = a >= 1e-3 && a < 1e6 ? x.toPrecision(4) : x.toExponential(3);
  return s.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1').replace('-', '−');
}
