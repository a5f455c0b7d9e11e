/**
 * The loss over two chosen parameters, the others held fixed (by default at the best critical
 * point the analysis found, else at the gradient-descent result): a filled contour map of the
 * data loss L sampled on a grid from its compiled formula, with the real critical points in that
 * plane marked by their type — the analysis's critical points of L that lie in the plane (typed
 * in the full parameter space), and the critical points of the slice itself, found by Newton's
 * method on the compiled gradient and Hessian of the two-variable restriction (typed in the plane).
 */
import * as Plot from '@observablehq/plot';
import { grad } from '../diff/reverse.js';
import { compileMany } from '../print/compile.js';
import type { Dataset } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import type { Analysis } from '../analysis/analyze.js';
import type { CriticalType } from '../analysis/critical.js';
import { FigureError } from './errors.js';
import { paramLabel } from './labels.js';
import { type KnownPoint, type LandscapeContext, givenBase, landscapeContext, num4, vectorOf } from './points.js';
import { type Figure, figure } from './svg.js';

/** Grid points per side (odd, so the base point is a grid point). 61² evaluations of the compiled loss take ~1 ms for 1-2-1 on 6 points. */
export const SLICE_GRID = 61;
/** Newton starts per side (a coarser grid of seeds for the slice's own critical points). */
const NEWTON_SEEDS = 9;
const NEWTON_STEPS = 60;

/** A marked point of the slice. */
export interface SlicePoint {
  readonly a: number;
  readonly b: number;
  readonly type: CriticalType | 'descent' | 'given';
  /** `full`: a critical point of L (its type in the full parameter space); `slice`: a critical point of the restriction only; `base`: the descent result or given point the slice is centred on */
  readonly where: 'full' | 'slice' | 'base';
  readonly loss: number;
  readonly note: string;
}

export interface SliceData {
  readonly spec: NetworkSpec;
  readonly params: readonly [string, string];
  /** the point whose other coordinates are held */
  readonly base: KnownPoint;
  readonly aRange: readonly [number, number];
  readonly bRange: readonly [number, number];
  /** grid coordinates: cell centres, as the contour mark reads a dense grid */
  readonly as: readonly number[];
  readonly bs: readonly number[];
  /** L at (as[i], bs[j]) is values[j·n + i] */
  readonly values: Float64Array;
  readonly points: readonly SlicePoint[];
  /** critical points of L in the plane but outside the window */
  readonly outside: number;
  /** degenerate critical points of the slice Newton's method converged to (on a curve of them, so not marked) */
  readonly flat: number;
}

export interface SliceOptions {
  /** the two parameters (default: the first weight of the first and of the last layer) */
  readonly params?: readonly string[];
  /** the analysis of this network on this data set (its critical points and descent are used) */
  readonly analysis?: Analysis;
  readonly seed?: number;
  /** grid points per side (default SLICE_GRID) */
  readonly grid?: number;
  /** hold the other parameters here instead (missing names keep the default base's values) */
  readonly base?: Readonly<Record<string, number>>;
  /** a context already computed (shared with other figures) */
  readonly context?: LandscapeContext;
}

/** The default pair: the first weight into layer 1 and into the last layer (the first two parameters of a one-layer network). */
export function defaultSliceParams(ctx: { readonly net: { readonly params: readonly string[] } }): [string, string] {
  const ps = ctx.net.params;
  const last = [...ps].reverse().find((p) => /^w\d+_1_1$/.test(p))!;
  return last !== ps[0] ? [ps[0]!, last] : [ps[0]!, ps[1]!];
}

/** Validate a chosen pair of parameters: two distinct names of the network. */
export function checkParamPair(names: readonly string[], params: readonly string[], what: string): [string, string] {
  if (params.length !== 2) throw new FigureError(`${what} needs exactly two parameters (--params a,b), got ${params.length}`);
  for (const p of params) if (!names.includes(p)) throw new FigureError(`unknown parameter '${p}' in --params (this network has ${names.length}: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''})`);
  if (params[0] === params[1]) throw new FigureError(`--params names '${params[0]}' twice: a slice needs two different parameters`);
  return [params[0]!, params[1]!];
}

/** The eigenvalues of [[p, q], [q, r]], ascending. */
function eig2(p: number, q: number, r: number): [number, number] {
  const m = (p + r) / 2;
  const d = Math.hypot((p - r) / 2, q);
  return [m - d, m + d];
}

function type2(p: number, q: number, r: number): CriticalType {
  const [l1, l2] = eig2(p, q, r);
  const tol = 1e-7 * Math.max(1, Math.abs(l1), Math.abs(l2));
  if (Math.abs(l1) <= tol || Math.abs(l2) <= tol) return 'degenerate';
  return l1 > 0 ? 'minimum' : l2 < 0 ? 'maximum' : 'saddle';
}

/**
 * The sampled slice and its marked points.
 *
 * @example
 * ```ts
 * const spec = parseSpec('1-1:identity');
 * const d = sliceData(spec, readCsv('x1,y1\n0,1\n1,3\n2,4\n', spec), { analysis: analyze(spec, { data }) });
 * d.points[0]; // { type: 'minimum', where: 'full', … } at the least-squares optimum
 * ```
 */
export function sliceData(spec: NetworkSpec, data: Dataset, opts: SliceOptions = {}): SliceData {
  const ctx = opts.context ?? landscapeContext(spec, data, { ...(opts.analysis !== undefined ? { analysis: opts.analysis } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const names = ctx.net.params;
  if (names.length < 2) throw new FigureError(`a loss slice needs two parameters; the network ${spec.widths.join('-')} has ${names.length}`);
  const [pa, pb] = opts.params === undefined ? defaultSliceParams(ctx) : checkParamPair(names, opts.params, 'a loss slice');
  const n = opts.grid ?? SLICE_GRID;
  if (!Number.isInteger(n) || n < 3 || n > 401) throw new FigureError(`grid must be an integer from 3 to 401, got ${n}`);
  const base = opts.base === undefined ? ctx.base : givenBase(ctx, opts.base);
  const ia = names.indexOf(pa);
  const ib = names.indexOf(pb);
  const a0 = base.point[pa]!;
  const b0 = base.point[pb]!;
  // critical points of L in the plane: every other coordinate equal to the base's
  const inPlane = ctx.critical.filter((c) => names.every((k, i) => i === ia || i === ib || Math.abs(c.point[k]! - base.point[k]!) <= 1e-9 * Math.max(1, Math.abs(base.point[k]!))));
  // the window: base ± max(1, |coordinate|/2), widened to hold the in-plane critical points up to 10 times that
  const ha0 = Math.max(1, Math.abs(a0) / 2);
  const hb0 = Math.max(1, Math.abs(b0) / 2);
  const within = inPlane.filter((c) => Math.abs(c.point[pa]! - a0) <= 10 * ha0 && Math.abs(c.point[pb]! - b0) <= 10 * hb0);
  const ha = Math.max(ha0, ...within.map((c) => 1.15 * Math.abs(c.point[pa]! - a0)));
  const hb = Math.max(hb0, ...within.map((c) => 1.15 * Math.abs(c.point[pb]! - b0)));
  const aRange: [number, number] = [a0 - ha, a0 + ha];
  const bRange: [number, number] = [b0 - hb, b0 + hb];
  const as = Array.from({ length: n }, (_, i) => aRange[0] + ((i + 0.5) * (2 * ha)) / n);
  const bs = Array.from({ length: n }, (_, j) => bRange[0] + ((j + 0.5) * (2 * hb)) / n);
  const theta = vectorOf(base.point, names);
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      theta[ia] = as[i]!;
      theta[ib] = bs[j]!;
      values[j * n + i] = ctx.loss(theta);
    }
  const points: SlicePoint[] = within.map((c) => ({
    a: c.point[pa]!,
    b: c.point[pb]!,
    type: c.type,
    where: 'full',
    loss: c.loss,
    note: `${c.type} of L (${c.source})`,
  }));
  const found = sliceCritical(ctx, [pa, pb], theta, aRange, bRange, values);
  // degenerate critical points of the slice lie on curves of them (a flat valley): counted, not marked
  const flat = found.filter((s) => s.type === 'degenerate').length;
  for (const s of found)
    if (s.type !== 'degenerate' && !points.some((p) => Math.abs(p.a - s.a) <= 1e-6 * ha && Math.abs(p.b - s.b) <= 1e-6 * hb)) points.push(s);
  if (base.type === 'descent' || base.type === 'given') {
    // a descent result next to (within 1 % of the window of) a critical point of the slice is that point, approximately: mark the critical point
    const near = points.find((p) => Math.abs(p.a - a0) <= 0.01 * ha && Math.abs(p.b - b0) <= 0.01 * hb);
    if (near === undefined) points.push({ a: a0, b: b0, type: base.type, where: 'base', loss: base.loss, note: base.source });
  }
  return { spec, params: [pa, pb], base, aRange, bRange, as, bs, values, points, outside: inPlane.length - within.length, flat };
}

/**
 * Critical points of the restriction ℓ(a, b) = L(θ with a, b replaced): Newton's method on the
 * compiled ∇ℓ with the compiled Hessian, from a grid of seeds, kept when they converge inside
 * the window. Kinks of piecewise activations (Hessian zero or undefined) are not searched.
 */
function sliceCritical(ctx: LandscapeContext, [pa, pb]: readonly [string, string], theta0: Float64Array, aRange: readonly [number, number], bRange: readonly [number, number], values: Float64Array): SlicePoint[] {
  const names = ctx.net.params;
  const g = grad(ctx.lossNode, [pa, pb]);
  const ga = g.get(pa)!;
  const gb = g.get(pb)!;
  const ha = grad(ga, [pa, pb]);
  const hb = grad(gb, [pb]);
  const f = compileMany([ctx.lossNode, ga, gb, ha.get(pa)!, ha.get(pb)!, hb.get(pb)!], names);
  const ia = names.indexOf(pa);
  const ib = names.indexOf(pb);
  const wa = aRange[1] - aRange[0];
  const wb = bRange[1] - bRange[0];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  // ‖∇ℓ‖ counts as 0 below 1e−9 of the loss's variation per unit length across the window
  const gtol = 1e-9 * Math.max(1, (hi - lo) / Math.min(wa, wb));
  const theta = Float64Array.from(theta0);
  const out: SlicePoint[] = [];
  const out6 = new Float64Array(6);
  for (let si = 0; si < NEWTON_SEEDS; si++)
    for (let sj = 0; sj < NEWTON_SEEDS; sj++) {
      let u = aRange[0] + ((si + 0.5) * wa) / NEWTON_SEEDS;
      let v = bRange[0] + ((sj + 0.5) * wb) / NEWTON_SEEDS;
      for (let t = 0; t < NEWTON_STEPS; t++) {
        theta[ia] = u;
        theta[ib] = v;
        const [, gu, gv, huu, huv, hvv] = f(theta, out6);
        const det = huu! * hvv! - huv! * huv!;
        if (!Number.isFinite(det) || det === 0) break;
        // Newton step: H d = −∇ℓ
        let du = -(hvv! * gu! - huv! * gv!) / det;
        let dv = -(huu! * gv! - huv! * gu!) / det;
        const len = Math.hypot(du / wa, dv / wb);
        if (len > 0.25) [du, dv] = [(du * 0.25) / len, (dv * 0.25) / len];
        u += du;
        v += dv;
        if (Math.abs(du) <= 1e-13 * wa && Math.abs(dv) <= 1e-13 * wb) break;
      }
      if (!(u >= aRange[0] && u <= aRange[1] && v >= bRange[0] && v <= bRange[1])) continue;
      theta[ia] = u;
      theta[ib] = v;
      const [L, gu, gv, huu, huv, hvv] = f(theta, out6);
      if (!(Math.hypot(gu!, gv!) <= gtol)) continue;
      if (out.some((p) => Math.abs(p.a - u) <= 1e-6 * wa && Math.abs(p.b - v) <= 1e-6 * wb)) continue;
      const type = type2(huu!, huv!, hvv!);
      out.push({ a: u, b: v, type, where: 'slice', loss: L!, note: `${type} of the slice (a critical point of L restricted to this plane, not of L itself)` });
    }
  out.sort((p, q) => p.loss - q.loss || p.a - q.a || p.b - q.b);
  return out;
}

const SYMBOLS: Readonly<Record<SlicePoint['type'], string>> = { minimum: 'circle', saddle: 'times', maximum: 'triangle', degenerate: 'diamond', descent: 'star', given: 'star' };
const WORDS: Readonly<Record<SlicePoint['type'], string>> = { minimum: 'minimum', saddle: 'saddle', maximum: 'maximum', degenerate: 'degenerate', descent: 'descent result', given: 'given point' };

/** Contour levels: quantiles of the sampled values (so that every band holds about as many grid cells), 3 significant digits. */
function levels(values: Float64Array, count = 10): number[] {
  const v = [...values].filter(Number.isFinite).sort((x, y) => x - y);
  const t = new Set<number>([v[0]!]);
  for (let k = 1; k < count; k++) t.add(Number(v[Math.floor((k * (v.length - 1)) / count)]!.toPrecision(3)));
  return [...t].sort((x, y) => x - y);
}

/**
 * The colour key of the contour levels as a small chart of its own: band k (from level k to
 * level k + 1) is a bar from k to k + 1 in the band's colour, ticks at the levels between bands.
 */
function colourKey(thresholds: readonly number[]): Plot.PlotOptions {
  const colors = Plot.scale({ color: { type: 'threshold', domain: thresholds.slice(1), scheme: 'viridis' } }).range as string[];
  const bands = colors.map((c, k) => ({ k, c }));
  return {
    width: 330,
    height: 44,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 16,
    marginBottom: 16,
    x: { domain: [0, colors.length], ticks: thresholds.slice(1).map((_, k) => k + 1), tickFormat: (k: number) => num4(thresholds[k]!), tickSize: 3, label: null, axis: 'bottom' } as Plot.ScaleOptions,
    y: { axis: null },
    marks: [
      Plot.rectX(bands, { x1: 'k', x2: (b: { k: number }) => b.k + 1, fill: 'c', ariaDescription: 'colour key' }),
      Plot.text(['loss L (contour levels)'], { frameAnchor: 'top-left', dy: -12, fontWeight: 'bold', textAnchor: 'start', ariaDescription: 'colour key label' }),
    ],
  };
}

/**
 * The loss-slice figure of sampled data.
 *
 * @example
 * ```ts
 * sliceFigure(sliceData(spec, data, { analysis })).svg; // '<svg …><title …>Loss over w⁽¹⁾₁₁ and b⁽¹⁾₁ …'
 * ```
 */
export function sliceFigure(d: SliceData, opts: { readonly width?: number } = {}): Figure {
  const [pa, pb] = d.params;
  const la = paramLabel(d.spec, pa);
  const lb = paramLabel(d.spec, pb);
  const n = d.as.length;
  const thresholds = levels(d.values);
  const others = Object.keys(d.base.point).filter((k) => k !== pa && k !== pb);
  const fixedText = others.length <= 8 ? others.map((k) => `${paramLabel(d.spec, k)} = ${num4(d.base.point[k]!)}`).join(', ') : `${others.length} parameters`;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of d.values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const marked = d.points.map((p) => `${WORDS[p.type]} at (${num4(p.a)}, ${num4(p.b)}) with L = ${num4(p.loss)}${p.where === 'slice' ? ' (of the slice only)' : p.where === 'full' ? ' (of L)' : ''}`);
  const held = d.base.type === 'descent' ? 'the gradient-descent result' : d.base.type === 'given' ? 'a given point' : d.base.global ? 'the best critical point found' : `a ${d.base.type} of L`;
  const title = `Loss over ${la} and ${lb}, the other ${others.length} parameters held at ${held}`;
  const description =
    `Filled contour map of the data loss L over ${la} (${pa}) from ${num4(d.aRange[0])} to ${num4(d.aRange[1])} across and ${lb} (${pb}) from ${num4(d.bRange[0])} to ${num4(d.bRange[1])} up, ` +
    `sampled on a ${n} × ${n} grid from the compiled formula; darker is lower, L from ${num4(lo)} to ${num4(hi)} in the window. ` +
    `The other parameters are held at ${d.base.source}${others.length > 0 ? `: ${fixedText}` : ''}. ` +
    (marked.length === 0 ? 'No critical point lies in the window.' : `Marked: ${marked.join('; ')}.`) +
    (d.flat > 0 ? ` The slice also has degenerate critical points (a curve along which L is flat), not marked.` : '') +
    (d.outside > 0 ? ` ${d.outside} more critical point${d.outside === 1 ? '' : 's'} of L in this plane lie${d.outside === 1 ? 's' : ''} outside the window.` : '');
  const color = { type: 'threshold' as const, domain: thresholds.slice(1), scheme: 'viridis' as const, label: 'loss L' };
  const width = opts.width ?? 640;
  const marks: Plot.Markish[] = [
    Plot.contour(Array.from(d.values), {
      width: n,
      height: n,
      x1: d.aRange[0],
      x2: d.aRange[1],
      y1: d.bRange[0],
      y2: d.bRange[1],
      value: Plot.identity,
      thresholds,
      fill: 'value',
      stroke: 'white',
      strokeOpacity: 0.35,
      strokeWidth: 0.5,
      title: (t: { value: number }) => `L ≥ ${num4(t.value)}`,
      ariaDescription: 'loss contours',
    } as Plot.ContourOptions),
    Plot.frame({ stroke: '#666666' }),
  ];
  for (const type of Object.keys(SYMBOLS) as SlicePoint['type'][]) {
    const pts = d.points.filter((p) => p.type === type);
    if (pts.length === 0) continue;
    marks.push(
      Plot.dot(pts, {
        x: 'a',
        y: 'b',
        symbol: SYMBOLS[type],
        r: 5,
        fill: type === 'saddle' ? 'none' : (p: SlicePoint) => (p.where === 'slice' ? 'white' : '#111111'),
        stroke: type === 'saddle' ? '#111111' : 'white',
        strokeWidth: type === 'saddle' ? 2 : 1.2,
        title: (p: SlicePoint) => `${WORDS[p.type]} at ${pa} = ${num4(p.a)}, ${pb} = ${num4(p.b)}: L = ${num4(p.loss)}; ${p.note}`,
        ariaDescription: `${WORDS[type]} markers`,
      }),
    );
  }
  if (d.points.length > 0)
    marks.push(
      Plot.text(d.points, {
        x: 'a',
        y: 'b',
        text: (p: SlicePoint) => `${WORDS[p.type]}${p.where === 'slice' ? ' (slice)' : ''}`,
        dx: 8,
        textAnchor: 'start',
        fontSize: 10,
        fill: '#111111',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
        ariaDescription: 'marker labels',
      }),
    );
  return figure(
    'loss-slice',
    title,
    description,
    {
      width,
      height: Math.round(width * 0.78),
      marginTop: 58,
      marginLeft: 56,
      marginBottom: 44,
      marginRight: 24,
      x: { domain: [...d.aRange], label: `${la} (${pa}) →`, labelAnchor: 'right' },
      y: { domain: [...d.bRange], label: `↑ ${lb} (${pb})`, labelAnchor: 'top' },
      color,
      marks,
    },
    { options: colourKey(thresholds), x: width - 340, y: 0 },
  );
}

/**
 * The loss-slice figure of a network on a data set (sliceData, then sliceFigure).
 *
 * @example
 * ```ts
 * import { analyze, lossSliceFigure, parseSpec, readCsv } from 'closedform';
 * const spec = parseSpec('1-2-1:quadratic,identity');
 * const data = readCsv('x1,y1\n-1,3\n0,1\n1,1\n2,4\n', spec);
 * lossSliceFigure(spec, data, { analysis: analyze(spec, { data }), params: ['w1_1_1', 'w2_1_1'] }).svg;
 * ```
 */
export function lossSliceFigure(spec: NetworkSpec, data: Dataset, opts: SliceOptions = {}): Figure {
  return sliceFigure(sliceData(spec, data, opts));
}
