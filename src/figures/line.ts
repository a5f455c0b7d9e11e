/**
 * The loss along the segment between two parameter points, L((1 − t)θ_A + tθ_B) for t ∈ [0, 1],
 * from the compiled formula: between two minima, the barrier a path between them must cross.
 * By default the two lowest critical points the analysis found; with fewer, the best one (or the
 * origin θ = 0) and the gradient-descent result.
 */
import * as Plot from '@observablehq/plot';
import type { Dataset } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import type { Analysis } from '../analysis/analyze.js';
import { FigureError } from './errors.js';
import { type LandscapeContext, landscapeContext, num4, vectorOf } from './points.js';
import { type Figure, figure } from './svg.js';

/** Points along the segment (t = 0, 1/200, …, 1). */
export const LINE_POINTS = 201;

/** One end of the segment. */
export interface LineEnd {
  readonly point: Readonly<Record<string, number>>;
  /** `A: minimum (the exact least-squares optimum)` */
  readonly label: string;
}

export interface LineData {
  readonly spec: NetworkSpec;
  readonly from: LineEnd;
  readonly to: LineEnd;
  readonly ts: readonly number[];
  /** L at (1 − t)θ_A + tθ_B, aligned with ts */
  readonly losses: readonly number[];
}

export interface LineOptions {
  /** the ends, by name; a missing parameter takes the value of the default end */
  readonly from?: Readonly<Record<string, number>>;
  readonly to?: Readonly<Record<string, number>>;
  readonly analysis?: Analysis;
  readonly seed?: number;
  readonly points?: number;
  readonly context?: LandscapeContext;
}

/** Complete a partial point from a default, refusing names the network does not have. */
function complete(names: readonly string[], given: Readonly<Record<string, number>> | undefined, fallback: Readonly<Record<string, number>>, what: string): Record<string, number> {
  const out: Record<string, number> = { ...fallback };
  for (const [k, v] of Object.entries(given ?? {})) {
    if (!names.includes(k)) throw new FigureError(`unknown parameter '${k}' in ${what} (this network has ${names.length}: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''})`);
    if (!Number.isFinite(v)) throw new FigureError(`${what}: ${k} is not a finite number`);
    out[k] = v;
  }
  return out;
}

/**
 * The loss sampled along a segment.
 *
 * @example
 * ```ts
 * const d = lineData(spec, data, { analysis });
 * d.losses[0]; // L at the first end
 * ```
 */
export function lineData(spec: NetworkSpec, data: Dataset, opts: LineOptions = {}): LineData {
  const ctx = opts.context ?? landscapeContext(spec, data, { ...(opts.analysis !== undefined ? { analysis: opts.analysis } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const names = ctx.net.params;
  const n = opts.points ?? LINE_POINTS;
  if (!Number.isInteger(n) || n < 2 || n > 10_001) throw new FigureError(`points must be an integer from 2 to 10001, got ${n}`);
  const word = (t: string): string => (t === 'descent' ? 'the gradient-descent result' : t);
  // A: the lowest critical point; B: the next minimum (the barrier between two minima), else the next critical point
  const first = ctx.critical[0];
  const second = ctx.critical.slice(1).find((c) => c.type === 'minimum') ?? ctx.critical[1];
  const ends: LineEnd[] = [first, second].flatMap((c) => (c === undefined ? [] : [{ point: c.point, label: `${word(c.type)}, L = ${num4(c.loss)} (${c.source})` }]));
  if (ends.length < 2) {
    const d = ctx.descent.bestPoint;
    const dEnd = { point: d, label: `the gradient-descent result, L = ${num4(ctx.loss(vectorOf(d, names)))}` };
    if (ends.length === 0) ends.push({ point: Object.fromEntries(names.map((k) => [k, 0])), label: `the origin θ = 0, L = ${num4(ctx.loss(new Float64Array(names.length)))}` });
    ends.push(dEnd);
  }
  const from = opts.from === undefined ? ends[0]! : { point: complete(names, opts.from, ends[0]!.point, '--from'), label: 'the point given (--from)' };
  const to = opts.to === undefined ? ends[1]! : { point: complete(names, opts.to, ends[1]!.point, '--to'), label: 'the point given (--to)' };
  const A = vectorOf(from.point, names);
  const B = vectorOf(to.point, names);
  if (A.every((x, i) => x === B[i])) throw new FigureError('the two ends of the loss line are the same point: give --from or --to');
  const theta = new Float64Array(names.length);
  const ts: number[] = [];
  const losses: number[] = [];
  for (let k = 0; k < n; k++) {
    const t = k / (n - 1);
    for (let i = 0; i < theta.length; i++) theta[i] = (1 - t) * A[i]! + t * B[i]!;
    ts.push(t);
    losses.push(ctx.loss(theta));
  }
  return { spec, from, to, ts, losses };
}

/**
 * The loss-line figure of sampled data.
 *
 * @example
 * ```ts
 * lineFigure(lineData(spec, data, { analysis })).description; // 'The data loss L along …'
 * ```
 */
export function lineFigure(d: LineData, opts: { readonly width?: number } = {}): Figure {
  const pts = d.ts.map((t, i) => ({ t, L: d.losses[i]! }));
  const finite = pts.filter((p) => Number.isFinite(p.L));
  const top = finite.reduce((m, p) => (p.L > m.L ? p : m), finite[0]!);
  const ends = Math.max(d.losses[0]!, d.losses.at(-1)!);
  const barrier = top.L - ends;
  const dist = Math.hypot(...Object.keys(d.from.point).map((k) => d.to.point[k]! - d.from.point[k]!));
  const title = `Loss along the segment from A to B (length ${num4(dist)} in parameter space)`;
  const description =
    `The data loss L along the straight line θ(t) = (1 − t)·A + t·B, t from 0 to 1, sampled at ${d.ts.length} points from the compiled formula. ` +
    `A is ${d.from.label}; B is ${d.to.label}. L(A) = ${num4(d.losses[0]!)}, L(B) = ${num4(d.losses.at(-1)!)}; ` +
    (barrier > 1e-9 * Math.max(1, Math.abs(ends)) ? `the highest value on the segment is ${num4(top.L)} at t = ${num4(top.t)}, a barrier of ${num4(barrier)} above the higher end.` : 'the loss never rises above the higher end: no barrier on this segment.');
  const marks: Plot.Markish[] = [
    Plot.ruleY([Math.min(...finite.map((p) => p.L))], { stroke: '#cccccc' }),
    Plot.line(finite, { x: 't', y: 'L', stroke: '#2f5d8a', strokeWidth: 2, ariaDescription: 'loss along the segment' }),
    Plot.dot(
      [
        { t: 0, L: d.losses[0]!, text: 'A' },
        { t: 1, L: d.losses.at(-1)!, text: 'B' },
      ],
      { x: 't', y: 'L', r: 4, fill: '#111111', title: (p: { text: string }) => (p.text === 'A' ? `A: ${d.from.label}` : `B: ${d.to.label}`), ariaDescription: 'ends' },
    ),
    Plot.text(
      [
        { t: 0, L: d.losses[0]!, text: 'A' },
        { t: 1, L: d.losses.at(-1)!, text: 'B' },
      ],
      { x: 't', y: 'L', text: 'text', dy: -10, fontSize: 12, fontWeight: 'bold', ariaDescription: 'end labels' },
    ),
  ];
  if (barrier > 1e-9 * Math.max(1, Math.abs(ends)))
    marks.push(Plot.text([top], { x: 't', y: 'L', text: () => `max ${num4(top.L)}`, dy: -10, fontSize: 10, ariaDescription: 'barrier' }));
  return figure('loss-line', title, description, {
    width: opts.width ?? 640,
    height: 320,
    marginTop: 30,
    marginLeft: 60,
    x: { domain: [0, 1], label: 't (0 at A, 1 at B) →', labelAnchor: 'right' },
    y: { label: '↑ loss L', grid: true, nice: true },
    marks,
  });
}

/**
 * The loss-line figure of a network on a data set.
 *
 * @example
 * ```ts
 * import { lossLineFigure } from 'closedform';
 * lossLineFigure(spec, data, { analysis }).svg;
 * ```
 */
export function lossLineFigure(spec: NetworkSpec, data: Dataset, opts: LineOptions = {}): Figure {
  return lineFigure(lineData(spec, data, opts));
}
