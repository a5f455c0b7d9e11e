/**
 * `checkNetwork`: the symbolic results of a network (outputs, loss, every gradient component),
 * compiled with the core's `compile`, against the independent mathjs engine at random points.
 * This file is the one place in `numeric/` that touches the symbolic side, and only to evaluate
 * it; the engine's numbers come from `engine.ts` alone.
 */
import { getActivation } from '../activations/registry.js';
import type { Node } from '../expr/node.js';
import type { Network } from '../network/build.js';
import { backpropEquations, closeEquations, gradientEquations } from '../network/gradient.js';
import { compileMany } from '../print/compile.js';
import { type Sample, columnEntries, engineBackprop, engineDatasetLoss, engineForward } from './engine.js';
import { DIFFERENCE_TOLERANCE_BASIS, compareWithDifferences, lossRoundingBound } from './fdcheck.js';
import { NumericError } from './mathjs.js';
import { type EngineParams, type Rng, engineParamNames, flattenParams, randomParams, seededRng, unflattenParams } from './params.js';

/**
 * Tolerance for symbolic vs engine values, as an error relative to max(1, |value|).
 * Both routes compute the same real number with different operation orders in doubles; their
 * difference is a sum of rounding errors ≲ n·u·κ, with u = 2⁻⁵³ ≈ 1.1·10⁻¹⁶, n the operations
 * behind one value (≲ 10⁴ for the networks one checks symbolically) and κ the cancellation
 * factor Σ|terms| / max(1, |value|) (≲ 10³ at random O(1) points). That gives
 * ≈ 10⁻⁹. A real mistake (a missing term, a factor 2, σ′ replaced by A^{ℓ−1} as in seed 002's
 * misprinted eq. 22) moves values by 10⁻³ or more, six orders above.
 */
export const SYMBOLIC_TOLERANCE = 1e-9;

/**
 * The former fixed tolerance of the engine's backprop against its central differences. The check
 * now derives a tolerance per coordinate from the problem (fdcheck.ts: the measured truncation and
 * a rounding bound of the loss); this constant is kept for callers that compare against it.
 */
export const FINITE_DIFFERENCE_TOLERANCE = 1e-6;

/**
 * Sampled points whose pre-activations lie within this distance of a breakpoint of a piecewise
 * activation (relu, leaky_relu, heaviside at 0) are resampled: there the derivative jumps and
 * neither route is wrong, they only pick different sides. Central differences move a
 * pre-activation by at most h·Σ|a| ≈ 6·10⁻⁶·(1 + n·max|a|), far inside 10⁻³; a random O(1)
 * pre-activation lands this close to 0 with probability ≈ 10⁻³, so resampling is rare.
 */
export const KINK_MARGIN = 1e-3;

/**
 * Most coordinates per point checked by central differences. Each costs two forward passes
 * through mathjs matrices, so all P coordinates cost O(P²) per point: about a second at
 * P ≈ 400 (8-16-16-1) and hours near the 20 000-parameter budget. A seeded random subset of this
 * size still catches a wrong backprop (errors in one layer show in every coordinate of it).
 */
export const MAX_FD_COORDINATES = 64;

/** Most random points one check takes: each costs one backprop and 2·min(P, MAX_FD_COORDINATES) loss evaluations. */
export const MAX_CHECK_POINTS = 1000;

/** Give up after this many rejected points (kinks, overflow): the network cannot be sampled usefully. */
export const MAX_RESAMPLES = 1000;

export interface CheckRow {
  /** `f1`, `loss`, `dloss/dw1_2_1`, the δ-recursion, or `engine backprop vs finite differences` */
  readonly what: string;
  /** max over points of |symbolic − engine| / max(1, |engine|) */
  readonly maxRelError: number;
  readonly tolerance: number;
  readonly ok: boolean;
  /** what the tolerance is based on, when it is not the fixed SYMBOLIC_TOLERANCE */
  readonly basis?: string;
}

export interface CheckReport {
  readonly widths: readonly number[];
  readonly seed: number;
  readonly points: number;
  /** points drawn and rejected (near a kink or overflowing) before `points` were accepted */
  readonly resampled: number;
  /** how points are drawn, in words */
  readonly distribution: string;
  readonly rows: readonly CheckRow[];
  readonly ok: boolean;
}

export interface CheckOptions {
  /** seed of the random points (default 1) */
  readonly seed?: number;
  /** number of random points (default 8) */
  readonly points?: number;
  /** the symbolic gradient by parameter; default: the network module's `gradientEquations(net)` */
  readonly gradient?: ReadonlyMap<string, Node>;
  /** also check the backprop δ-recursion (`backpropEquations`, closed by substitution) (default true) */
  readonly backprop?: boolean;
  /** also check the engine's backprop against its central differences (default true) */
  readonly finiteDifferences?: boolean;
  /** called after each accepted point (for a progress bar) */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Parameters, inputs and targets are each uniform in [−SCALE, SCALE]. */
const SCALE = 1;

/** |s − e| / max(1, |e|); a NaN on either side is a failure (Infinity), never a pass. */
const relError = (s: number, e: number): number => {
  if (Number.isNaN(s) || Number.isNaN(e)) return Infinity;
  return s === e ? 0 : Math.abs(s - e) / Math.max(1, Math.abs(e));
};

/** All coordinates 0…P−1, or MAX_FD_COORDINATES of them drawn without replacement, ascending. */
function coordinateSample(P: number, rng: Rng): number[] {
  const all = Array.from({ length: P }, (_, k) => k);
  if (P <= MAX_FD_COORDINATES) return all;
  for (let i = 0; i < MAX_FD_COORDINATES; i++) {
    const j = i + Math.floor(rng() * (P - i)); // partial Fisher–Yates
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, MAX_FD_COORDINATES).sort((a, b) => a - b);
}

/** Breakpoints of each layer's activation (empty for smooth ones). */
function kinks(net: Network): number[][] {
  return net.spec.activations.map((name) => {
    const s = getActivation(name)?.structure;
    return s?.kind === 'piecewise' ? [...s.breakpoints] : [];
  });
}

interface Point {
  readonly params: EngineParams;
  readonly sample: Sample;
}

/** Draw one point; undefined when it sits near a kink or the engine overflows there. */
function draw(net: Network, rng: Rng, breaks: readonly number[][]): Point | undefined {
  const params = randomParams(net.spec, rng, SCALE);
  const u = (): number => SCALE * (2 * rng() - 1);
  const sample = { x: net.inputs.map(u), y: net.targets.map(u) };
  const pass = engineForward(net.spec, params, sample.x);
  for (let l = 0; l < pass.Z.length; l++)
    for (const z of columnEntries(pass.Z[l]!)) if (breaks[l]!.some((k) => Math.abs(z - k) < KINK_MARGIN)) return undefined;
  if (!Number.isFinite(engineDatasetLoss(net.spec, params, [sample]))) return undefined;
  return { params, sample };
}

/**
 * Check a network's symbolic outputs, loss and gradient against the mathjs engine at random
 * points (seeded), resampling points near kinks of piecewise activations.
 *
 * @example
 * ```ts
 * import { buildNetwork, checkNetwork, parseSpec } from 'closedform';
 * const report = checkNetwork(buildNetwork(parseSpec('2-3-1')), { seed: 7, points: 4 });
 * report.ok; // true
 * report.rows[0]!.what; // 'f1'
 * report.rows[0]!.maxRelError < 1e-15; // true (rounding only; the tolerance is 1e-9)
 * ```
 */
export function checkNetwork(net: Network, options: CheckOptions = {}): CheckReport {
  const seed = options.seed ?? 1;
  const K = options.points ?? 8;
  if (!Number.isSafeInteger(seed)) throw new NumericError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(K) || K < 1 || K > MAX_CHECK_POINTS) throw new NumericError(`points must be a positive integer (at most ${MAX_CHECK_POINTS}), got ${K}`);
  const names = engineParamNames(net.spec);
  if (names.join(',') !== net.params.join(','))
    throw new NumericError(`the network's parameters (${net.params.length}) are not the engine's (${names.length}) in the same order`);
  const gradient = options.gradient ?? gradientEquations(net);
  for (const p of net.params) if (!gradient.has(p)) throw new NumericError(`the symbolic gradient has no component for '${p}'`);
  const labels = [...net.outputs.map((_, k) => `f${k + 1}`), 'loss', ...net.params.map((p) => `dloss/d${p}`)];
  const roots = [...net.outputs, net.loss, ...net.params.map((p) => gradient.get(p)!)];
  const vars = [...net.params, ...net.inputs, ...net.targets];
  const symbolic = compileMany(roots, vars);
  const withBackprop = options.backprop !== false;
  const recursion = withBackprop ? closeEquations(backpropEquations(net)) : undefined;
  const recursive = recursion === undefined ? undefined : compileMany(net.params.map((p) => recursion.get(p)!), vars);
  const err = new Float64Array(roots.length);
  let fd = { error: 0, tolerance: SYMBOLIC_TOLERANCE, ok: true, ratio: -1 };
  let fdCoords = 0;
  let bpErr = 0;
  const rng = seededRng(seed);
  const breaks = kinks(net);
  let resampled = 0;
  for (let accepted = 0; accepted < K; ) {
    const pt = draw(net, rng, breaks);
    if (pt === undefined) {
      if (++resampled > MAX_RESAMPLES) throw new NumericError(`no usable point after ${MAX_RESAMPLES} draws (pre-activations keep landing on kinks or overflowing)`);
      continue;
    }
    accepted++;
    const { params, sample } = pt;
    const at = Float64Array.from([...flattenParams(net.spec, params), ...sample.x, ...sample.y]);
    const values = symbolic(at);
    const bp = engineBackprop(net.spec, params, sample);
    const engineOut = columnEntries(bp.pass.A.at(-1)!);
    const g = flattenParams(net.spec, { W: bp.W, b: bp.b });
    const engine = [...engineOut, engineDatasetLoss(net.spec, params, [sample]), ...g];
    for (let k = 0; k < roots.length; k++) err[k] = Math.max(err[k]!, relError(values[k]!, engine[k]!));
    if (recursive !== undefined) recursive(at).forEach((v, k) => (bpErr = Math.max(bpErr, relError(v, g[k]!))));
    if (options.finiteDifferences !== false) {
      const coords = coordinateSample(names.length, rng);
      const theta = flattenParams(net.spec, params);
      const loss = (v: Float64Array): number => engineDatasetLoss(net.spec, unflattenParams(net.spec, v), [sample]);
      const c = compareWithDifferences(g, theta, loss, coords, lossRoundingBound(net.spec, params, sample), SYMBOLIC_TOLERANCE);
      const ratio = c.tolerance > 0 ? c.error / c.tolerance : Infinity;
      const ok = fd.ok && c.ok;
      fd = ratio > fd.ratio ? { error: c.error, tolerance: c.tolerance, ok, ratio } : { ...fd, ok };
      fdCoords = Math.max(fdCoords, coords.length);
    }
    options.onProgress?.(accepted, K);
  }
  const rows: CheckRow[] = labels.map((what, k) => ({ what, maxRelError: err[k]!, tolerance: SYMBOLIC_TOLERANCE, ok: err[k]! <= SYMBOLIC_TOLERANCE }));
  if (withBackprop)
    rows.push({ what: 'backprop equations (δ-recursion), every dloss/dθ', maxRelError: bpErr, tolerance: SYMBOLIC_TOLERANCE, ok: bpErr <= SYMBOLIC_TOLERANCE });
  if (options.finiteDifferences !== false)
    rows.push({
      what: `engine backprop vs finite differences${fdCoords < names.length ? ` (${fdCoords} of ${names.length} coordinates per point)` : ''}`,
      maxRelError: fd.error,
      tolerance: fd.tolerance,
      ok: fd.ok,
      basis: DIFFERENCE_TOLERANCE_BASIS,
    });
  return Object.freeze({
    widths: net.spec.widths,
    seed,
    points: K,
    resampled,
    distribution: `parameters, inputs and targets uniform in [−${SCALE}, ${SCALE}]; points with a pre-activation within ${KINK_MARGIN} of a kink are redrawn`,
    rows,
    ok: rows.every((r) => r.ok),
  });
}
