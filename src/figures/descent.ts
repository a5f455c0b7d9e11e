/**
 * Loss against step for gradient descent from the analysis's random starts: the same runs as
 * `descend` (the same seed, starts, steps and backtracking rule), each step's loss reported by
 * its `onStep` hook, with the exact least-squares optimum as a horizontal line when known.
 */
import * as Plot from '@observablehq/plot';
import { qtoNumber } from '../expr/rational.js';
import type { Dataset } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import type { Analysis } from '../analysis/analyze.js';
import { DESCENT_STARTS, DESCENT_STEPS, descend } from '../analysis/numeric.js';
import { FigureError } from './errors.js';
import { num4 } from './points.js';
import { type Figure, figure } from './svg.js';
import { reluOptimumValue } from './relu.js';

/** Most points drawn per run: longer runs are thinned to every k-th step (the first and last kept). */
const MAX_DRAWN_STEPS = 400;

export interface DescentData {
  readonly spec: NetworkSpec;
  readonly seed: number;
  readonly steps: number;
  /** losses[s][t]: the loss of run s before step t + 1 (t = 0 is the random start) */
  readonly losses: readonly (readonly number[])[];
  /** the exact least-squares optimum's loss, when the analysis has one (for a ReLU network, its exact global optimum) */
  readonly optimum?: number;
  /** what the optimum is, for the labels (default 'exact least-squares optimum') */
  readonly optimumName?: string;
}

export interface DescentOptions {
  readonly seed?: number;
  readonly starts?: number;
  readonly steps?: number;
  /** the analysis (its exact optimum is drawn) */
  readonly analysis?: Analysis;
}

/**
 * The loss of every step of every run.
 *
 * @example
 * ```ts
 * const d = descentData(parseSpec('1-1:identity'), data, { seed: 1 });
 * d.losses.length; // 4 runs (DESCENT_STARTS)
 * ```
 */
export function descentData(spec: NetworkSpec, data: Dataset, opts: DescentOptions = {}): DescentData {
  const seed = opts.seed ?? 1;
  const starts = opts.starts ?? DESCENT_STARTS;
  const steps = opts.steps ?? DESCENT_STEPS;
  if (!Number.isInteger(starts) || starts < 1 || starts > 64) throw new FigureError(`starts must be an integer from 1 to 64, got ${starts}`);
  if (!Number.isInteger(steps) || steps < 1 || steps > 100_000) throw new FigureError(`steps must be an integer from 1 to 100000, got ${steps}`);
  const losses: number[][] = Array.from({ length: starts }, () => []);
  descend(spec, data, { seed, starts, steps, onStep: (s, _t, loss) => losses[s]!.push(loss) });
  const ls = opts.analysis?.leastSquares;
  const relu = opts.analysis === undefined ? undefined : reluOptimumValue(opts.analysis);
  const optimum = ls !== undefined ? { optimum: qtoNumber(ls.loss) } : relu !== undefined ? { optimum: relu.value, optimumName: relu.name } : {};
  return { spec, seed, steps, losses, ...optimum };
}

/**
 * The descent figure.
 *
 * @example
 * ```ts
 * descentFigure(descentData(spec, data)).svg;
 * ```
 */
export function descentFigure(d: DescentData, opts: { readonly width?: number } = {}): Figure {
  const rows: { step: number; loss: number; run: string }[] = [];
  d.losses.forEach((run, s) => {
    const every = Math.max(1, Math.ceil(run.length / MAX_DRAWN_STEPS));
    run.forEach((loss, t) => {
      if (t % every === 0 || t === run.length - 1) rows.push({ step: t, loss, run: `start ${s + 1}` });
    });
  });
  const all = rows.map((r) => r.loss).filter(Number.isFinite);
  // a log scale shows the approach to the optimum; it needs positive values
  const floor = d.optimum !== undefined && d.optimum > 0 ? d.optimum : undefined;
  const log = all.every((v) => v > 0) && (floor === undefined || floor > 0);
  const finals = d.losses.map((r) => r.at(-1)!);
  const name = d.optimumName ?? 'exact least-squares optimum';
  const title = `Gradient descent on the ${d.spec.widths.join('-')} network: loss against step for ${d.losses.length} random starts`;
  const description =
    `The data loss after each step of full-batch gradient descent with a backtracking step (seed ${d.seed}, ${d.steps} steps from each of ${d.losses.length} random starts in [−1, 1]), one line per start${log ? ', the loss on a logarithmic scale' : ''}. ` +
    `Final losses: ${finals.map(num4).join(', ')}.` +
    (d.optimum !== undefined ? ` The horizontal line is the ${name} L* = ${num4(d.optimum)}.` : '');
  const marks: Plot.Markish[] = [];
  if (d.optimum !== undefined && (!log || d.optimum > 0))
    marks.push(
      Plot.ruleY([d.optimum], { stroke: '#111111', strokeDasharray: '5,4', title: () => `${name} L* = ${num4(d.optimum!)}`, ariaDescription: 'exact optimum' }),
      Plot.text([d.optimum], { y: (v: number) => v, frameAnchor: 'right', text: () => `exact optimum ${num4(d.optimum!)}`, textAnchor: 'end', dy: -7, fontSize: 10, ariaDescription: 'exact optimum label' }),
    );
  const schemes = ['#2f5d8a', '#d0731d', '#3b8a3a', '#8a3b7a', '#6b6b6b', '#b5651d', '#1f8a8a', '#8a1f1f'];
  d.losses.forEach((_, s) =>
    marks.push(
      Plot.line(
        rows.filter((r) => r.run === `start ${s + 1}`),
        { x: 'step', y: 'loss', stroke: schemes[s % schemes.length]!, strokeWidth: 1.6, title: () => `start ${s + 1}: final loss ${num4(finals[s]!)}`, ariaDescription: `start ${s + 1}` },
      ),
      Plot.text([rows.filter((r) => r.run === `start ${s + 1}`).at(-1)!], { x: 'step', y: 'loss', text: 'run', textAnchor: 'start', dx: 4, dy: 10 * (s - (d.losses.length - 1) / 2), fontSize: 9, fill: schemes[s % schemes.length]!, ariaDescription: 'run labels' }),
    ),
  );
  return figure('descent', title, description, {
    width: opts.width ?? 640,
    height: 340,
    marginLeft: 64,
    marginRight: 56,
    x: { label: 'step →', labelAnchor: 'right' },
    y: { type: log ? 'log' : 'linear', label: '↑ loss L', grid: true, ...(log ? { tickFormat: num4 } : {}) },
    marks,
  });
}

/**
 * The descent figure of a network on a data set.
 *
 * @example
 * ```ts
 * import { descentFigureOf } from 'closedform';
 * descentFigureOf(spec, data, { seed: 2 }).svg;
 * ```
 */
export function descentFigureOf(spec: NetworkSpec, data: Dataset, opts: DescentOptions = {}): Figure {
  return descentFigure(descentData(spec, data, opts));
}
